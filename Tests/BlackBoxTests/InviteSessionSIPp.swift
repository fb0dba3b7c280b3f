import Foundation
import SIPTesting

/// SIPp playing an `invite-` scenario against an ``InviteSessionManager`` on 127.0.0.1:
/// as the caller (``call(_:port:transport:)``) or as the callee on a port of its own (``answer(_:)``).
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
        let errorFile = Self.errorFile(scenario)
        let process = try peer.start(arguments(scenario, localPort: try ExternalPeer.freePort(), target: "127.0.0.1:\(port)", transport: transport, errorFile: errorFile))
        return await Self.finish(process, errorFile: errorFile)
    }

    /// SIPp waits on a free port for one call with `scenario`; returns, once SIPp listens, the port
    /// and the run to await.
    func answer(_ scenario: String) async throws -> (port: Int, run: Task<Run, Never>) {
        let port = try ExternalPeer.freePort()
        let errorFile = Self.errorFile(scenario)
        let process = try peer.start(arguments(scenario, localPort: port, target: nil, transport: .udp, errorFile: errorFile))
        let run = Task { await Self.finish(process, errorFile: errorFile) }
        try await ExternalPeer.waitUntilListening(process, udpPort: port)
        return (port, run)
    }

    private static func errorFile(_ scenario: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sipp-\(scenario)-errors-\(UUID().uuidString).log").path
    }

    private func arguments(_ scenario: String, localPort: Int, target: String?, transport: SIPpTransport, errorFile: String) -> [String] {
        (target.map { [$0] } ?? []) + [
            "-sf", SIPp.scenarioDirectory.appendingPathComponent("\(scenario).xml").path, "-t", transport.rawValue, "-m", "1",
            "-i", "127.0.0.1", "-p", "\(localPort)", "-nostdin", "-timeout", "15", "-timeout_error", "-trace_err",
            "-error_file", errorFile,
        ]
    }

    /// Waits for SIPp's end (stopping it after 20 s) and collects its error file.
    private static func finish(_ process: PeerProcess, errorFile: String) async -> Run {
        let outcome = await process.finish(within: .seconds(20))
        let errors = (try? String(contentsOfFile: errorFile, encoding: .utf8)) ?? "(no error file)"
        try? FileManager.default.removeItem(atPath: errorFile)
        return Run(outcome: outcome, errors: errors)
    }
}
