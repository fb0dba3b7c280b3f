import Foundation
import SIPTesting

/// The SIPp traffic generator (Debian `sip-tester`) driving one of the scenarios under
/// `Tests/BlackBoxTests/Scenarios` against a server on 127.0.0.1.
struct SIPp {
    /// What a SIPp run ended with.
    struct Run {
        let outcome: ExternalPeer.Outcome
        /// The `-error_file` SIPp wrote: unexpected messages, failed checks, timeouts.
        let errors: String

        /// SIPp exits 0 only when every call it placed succeeded.
        var allCallsSucceeded: Bool { !outcome.timedOut && outcome.exitStatus == 0 }

        /// The cumulative "Successful call" count of SIPp's final statistics screen.
        var successfulCalls: Int? {
            outcome.output.split(separator: "\n").last { $0.hasPrefix("  Successful call") }
                .flatMap { $0.split(separator: "|").last }
                .flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }

        /// Everything needed to see why a run against `server` failed.
        func report(server: EchoServer) -> String {
            """
            sipp exit status \(outcome.exitStatus)\(outcome.timedOut ? " (stopped: ran too long)" : "")
            --- sipp error file ---
            \(errors)
            --- sipp output (tail) ---
            \(outcome.output.split(separator: "\n").suffix(40).joined(separator: "\n"))
            --- sip-echo-server output ---
            \(server.process.output)
            """
        }
    }

    static let scenarioDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("Scenarios")

    private let peer: ExternalPeer

    /// Finds `sipp` on PATH; throws a failure that says how to install it when it is missing.
    init() throws {
        peer = try ExternalPeer(
            named: "sipp", installHint: "run Scripts/test.sh, which installs sip-tester (apt-get install sip-tester)")
    }

    /// Runs `scenario` (a file name under ``scenarioDirectory`` without `.xml`) against
    /// 127.0.0.1:`port`: `calls` calls at `rate` per second, at most `limit` at once, all done
    /// within `duration` (15 s unless a scenario waits on purpose, e.g. for a session timer).
    func run(
        _ scenario: String, port: Int, transport: SIPpTransport, calls: Int = 1, rate: Int? = nil, limit: Int? = nil,
        duration: Int = 15
    ) async throws -> Run {
        let errorFile = FileManager.default.temporaryDirectory
            .appendingPathComponent("sipp-\(scenario)-errors-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: errorFile) }
        var arguments = [
            "127.0.0.1:\(port)", "-sf", Self.scenarioDirectory.appendingPathComponent("\(scenario).xml").path,
            "-t", transport.rawValue, "-m", "\(calls)", "-i", "127.0.0.1", "-p", "\(try ExternalPeer.freePort())",
            "-nostdin", "-timeout", "\(duration)", "-timeout_error", "-trace_err", "-error_file", errorFile.path,
        ]
        if let rate { arguments += ["-r", "\(rate)"] }
        if let limit { arguments += ["-l", "\(limit)"] }
        let outcome = try await peer.run(arguments, within: .seconds(duration + 10))
        let errors = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "(no error file)"
        return Run(outcome: outcome, errors: errors)
    }
}
