import Foundation

extension IMCServerUnderTest {
    /// Starts `parley-imc` on UDP 127.0.0.1:`port` with a fresh SQLite room database, no RPC
    /// listener and every MESSAGE it sends going to the sink as outbound proxy.
    static func parleyIMC(executable: String, directory: URL, port: Int, sinkPort: Int) throws -> IMCServerUnderTest {
        let logPath = directory.appendingPathComponent("parley-imc.log").path
        let process = try ChildProcess(
            executable,
            [
                "--listen", "udp:127.0.0.1:\(port)", "--db", directory.appendingPathComponent("parley-imc.sqlite").path,
                "--rpc", "off", "--outbound-proxy", "sip:127.0.0.1:\(sinkPort)", "--log-level", "warning",
            ],
            outputPath: logPath)
        return IMCServerUnderTest(name: "parley", port: port, process: process, logPath: logPath)
    }
}
