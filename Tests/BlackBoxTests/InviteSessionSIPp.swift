import Dispatch
import Foundation
import SIPTesting

/// SIPp playing an `invite-` scenario against an ``InviteSessionManager`` on 127.0.0.1:
/// as the caller (``call(_:port:)``) or as the callee on a port of its own (``answer(_:)``).
/// The run happens on a dispatch thread, so the test's tasks keep the cooperative pool.
struct InviteSessionSIPp {
    /// What a run ended with.
    struct Run: Sendable {
        let outcome: ExternalPeer.Outcome
        /// The `-error_file` SIPp wrote.
        let errors: String

        var succeeded: Bool { !outcome.timedOut && outcome.exitStatus == 0 }

        var report: String {
            """
            sipp exit status \(outcome.exitStatus)\(outcome.timedOut ? " (stopped: ran too long)" : "")
            --- sipp error file ---
            \(errors)
            --- sipp output (tail) ---
            \(outcome.output.split(separator: "\n").suffix(30).joined(separator: "\n"))
            """
        }
    }

    private let peer: ExternalPeer

    init() throws {
        peer = try ExternalPeer(
            named: "sipp", installHint: "run Scripts/test.sh, which installs sip-tester (apt-get install sip-tester)")
    }

    /// SIPp calls 127.0.0.1:`port` once with `scenario`.
    func call(_ scenario: String, port: Int, transport: SIPpTransport = .udp) async throws -> Run {
        try await run(scenario, localPort: try ExternalPeer.freePort(), target: "127.0.0.1:\(port)", transport: transport)
    }

    /// SIPp waits on a free port for one call with `scenario`; returns the port and the run to await.
    func answer(_ scenario: String) throws -> (port: Int, run: Task<Run, any Error>) {
        let port = try ExternalPeer.freePort()
        let task = Task { try await run(scenario, localPort: port, target: nil, transport: .udp) }
        return (port, task)
    }

    private func run(
        _ scenario: String, localPort: Int, target: String?, transport: SIPpTransport
    ) async throws -> Run {
        let errorFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("sipp-\(scenario)-errors-\(UUID().uuidString).log")
        var arguments = target.map { [$0] } ?? []
        arguments += [
            "-sf", SIPp.scenarioDirectory.appendingPathComponent("\(scenario).xml").path, "-t", transport.rawValue, "-m", "1",
            "-i", "127.0.0.1", "-p", "\(localPort)", "-nostdin", "-timeout", "15", "-timeout_error", "-trace_err",
            "-error_file", errorFile.path,
        ]
        let peer = self.peer
        let commandLine = arguments
        let outcome = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(with: Result { try peer.run(commandLine, timeout: .seconds(20)) })
            }
        }
        let errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "(no error file)"
        try? FileManager.default.removeItem(at: errorFile)
        return Run(outcome: outcome, errors: errors)
    }
}
