import Foundation
import SIPTesting

/// A SIPp callee for `parley-bridge`'s dial-outs: one call of a scenario on free ports (SIP and
/// media), run in the background; its error file goes to the temporary folder.
struct SIPpCallee {
    /// The callee's SIP port.
    let port: Int
    /// SIPp's run; its outcome once the call is over.
    let run: Task<ExternalPeer.Outcome, any Error>

    /// Starts SIPp on `scenarioPath` and returns once it listens (a fixed pause is not enough when
    /// the whole suite starts at once: an INVITE sent before SIPp binds is refused by the kernel).
    init(scenarioPath: String) async throws {
        let sipp = try ExternalPeer(named: "sipp", installHint: "apt-get install sip-tester")
        let port = try ParleyBridgeServer.peerPort()
        let mediaPort = try ParleyBridgeServer.peerPort()
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("sipp-bridge-\(UUID().uuidString)-errors.log").path
        let arguments = [
            "-sf", scenarioPath, "-i", "127.0.0.1", "-p", "\(port)", "-mp", "\(mediaPort)", "-m", "1", "-nostdin",
            "-timeout", "20", "-timeout_error", "-error_file", errorFile,
        ]
        self.port = port
        // SIPp runs on a thread of its own: a blocking wait on Swift's cooperative pool (two
        // threads on two cores) would keep the suite's other tests, and this one, from running.
        run = Task {
            try await withCheckedThrowingContinuation { continuation in
                Thread { continuation.resume(with: Result { try sipp.run(arguments, timeout: .seconds(25)) }) }.start()
            }
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while !Self.isBound(udpPort: port), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Whether some socket is bound to `udpPort` on 127.0.0.1 or any address, read from
    /// `/proc/net/udp` so that looking does not take the port away from SIPp.
    private static func isBound(udpPort: Int) -> Bool {
        guard let table = try? String(contentsOfFile: "/proc/net/udp", encoding: .utf8) else { return false }
        let suffix = ":" + String(format: "%04X", udpPort)
        return table.split(separator: "\n").dropFirst().contains { line in
            guard let local = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first else { return false }
            return local == "0100007F\(suffix)" || local == "00000000\(suffix)"
        }
    }

    /// Starts SIPp on one of the scenarios in `Tests/BlackBoxTests/Scenarios`, named without `.xml`.
    init(scenario: String) async throws {
        try await self.init(scenarioPath: SIPp.scenarioDirectory.appendingPathComponent("\(scenario).xml").path)
    }
}
