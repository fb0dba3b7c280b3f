import Foundation
import SIPTesting

/// A SIPp callee for `parley-bridge`'s dial-outs: one call of a scenario on free ports (SIP and
/// media), run in the background; its error file goes to the temporary folder.
struct SIPpCallee {
    /// The callee's SIP port.
    let port: Int
    /// SIPp's run; its outcome once the call is over (SIPp stopped after 25 s at most).
    let run: Task<ExternalPeer.Outcome, any Error>

    /// Starts SIPp on `scenarioPath` and returns once it listens (an INVITE sent before SIPp binds
    /// is refused by the kernel).
    init(scenarioPath: String) async throws {
        let sipp = try ExternalPeer(named: "sipp", installHint: "apt-get install sip-tester")
        let port = try ParleyBridgeServer.peerPort()
        let mediaPort = try ParleyBridgeServer.peerPort()
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("sipp-bridge-\(UUID().uuidString)-errors.log").path
        let process = try sipp.start([
            "-sf", scenarioPath, "-i", "127.0.0.1", "-p", "\(port)", "-mp", "\(mediaPort)", "-m", "1", "-nostdin",
            "-timeout", "20", "-timeout_error", "-error_file", errorFile,
        ])
        self.port = port
        run = Task { await process.finish(within: .seconds(25)) }
        try await ExternalPeer.waitUntilListening(process, udpPort: port)
    }

    /// Starts SIPp on one of the scenarios in `Tests/BlackBoxTests/Scenarios`, named without `.xml`.
    init(scenario: String) async throws {
        try await self.init(scenarioPath: SIPp.scenarioDirectory.appendingPathComponent("\(scenario).xml").path)
    }
}
