import Foundation
import SIPTesting
import Testing

/// A running `sip-echo-server` on free ports of 127.0.0.1 (and ::1 when asked).
final class EchoServer {
    let process: PeerProcess
    let udpPort: Int
    let tcpPort: Int

    init(tcp: Bool, extraArguments: [String] = []) async throws {
        var arguments = ["--listen", "127.0.0.1:0"] + extraArguments
        if tcp { arguments.append("--tcp") }
        process = try PeerProcess.product("sip-echo-server", arguments: arguments)
        udpPort = try Self.port(in: await process.waitForLine(containing: "listening on udp:127.0.0.1"))
        tcpPort = tcp ? try Self.port(in: await process.waitForLine(containing: "listening on tcp:127.0.0.1")) : 0
    }

    /// The port a server prints in its "listening on …:PORT" line for `transportAndHost`.
    func port(of transportAndHost: String) async throws -> Int {
        try Self.port(in: await process.waitForLine(containing: "listening on \(transportAndHost)"))
    }

    /// Checks the server still runs and still answers an OPTIONS.
    func expectAlive() async throws {
        #expect(process.isRunning)
        let client = try TestUDPSocket()
        let options = """
            OPTIONS sip:echo@127.0.0.1 SIP/2.0\r
            Via: SIP/2.0/UDP 127.0.0.1:\(client.port);branch=z9hG4bK-alive-\(UInt32.random(in: 0...UInt32.max));rport\r
            Max-Forwards: 70\r
            From: <sip:probe@127.0.0.1>;tag=probe\r
            To: <sip:echo@127.0.0.1>\r
            Call-ID: alive-\(UInt32.random(in: 0...UInt32.max))\r
            CSeq: 1 OPTIONS\r
            Content-Length: 0\r
            \r

            """
        try client.send(Array(options.utf8), to: "127.0.0.1", port: udpPort)
        let answer = await client.receive(within: .seconds(2))
        #expect(answer.flatMap { RawSIPText.statusCode($0.bytes) } == 200, "server answers OPTIONS after the test")
    }

    private static func port(in line: String) throws -> Int {
        guard let port = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw TestSocketError("no port in '\(line)'")
        }
        return port
    }
}
