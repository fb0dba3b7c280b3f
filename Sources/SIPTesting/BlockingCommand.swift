/// Runs a program to completion from synchronous code and returns what it printed: a front of
/// ``PeerProcess`` for callers that cannot await (a suite trait starting PostgreSQL, `sqlite3`
/// run from a synchronous store harness). Async code uses ``PeerProcess/run(_:_:workingDirectory:within:)``.
public enum BlockingCommand {
    /// How a program ended.
    public struct Outcome: Sendable {
        /// The exit status (128 + signal number if a signal ended it).
        public let status: Int32
        /// Standard output and standard error, interleaved.
        public let output: String
    }

    /// Runs `executable` (an absolute path) with `arguments` and standard input from /dev/null,
    /// blocking the calling thread; a program still running after `limit` is stopped and reported
    /// as a failure.
    public static func run(_ executable: String, _ arguments: [String], within limit: Duration = .seconds(300)) throws -> Outcome {
        let outcome = try PeerProcess.blockingRun(executable, arguments, within: limit)
        guard !outcome.timedOut else {
            throw PeerProcess.SpawnError(description: "\(executable) \(arguments) still ran after \(limit) and was stopped; printed:\n\(outcome.output)")
        }
        return Outcome(status: outcome.exitStatus, output: outcome.output)
    }
}
