/// How one SIPp run of the fan-out benchmark ended.
struct SIPpRunOutcome {
    /// SIPp's exit status: 0 when every call got its `200`, 1 when some did not.
    let exitStatus: Int32
    /// Wall-clock time from start to exit.
    let elapsed: Duration
    /// MESSAGEs answered `200` ("Successful call" on SIPp's final screen), when it printed one.
    let answered: Int?
    /// MESSAGEs not answered in time or answered otherwise ("Failed call").
    let failed: Int?

    /// Reads the cumulative column of SIPp's final statistics screen in `output`.
    init(exitStatus: Int32, elapsed: Duration, output: String) {
        self.exitStatus = exitStatus
        self.elapsed = elapsed
        answered = Self.cumulative("Successful call", in: output)
        failed = Self.cumulative("Failed call", in: output)
    }

    /// The last number on the last line containing `label` (`  Failed call | 0 | 2`).
    private static func cumulative(_ label: String, in output: String) -> Int? {
        guard let line = output.split(separator: "\n").last(where: { $0.contains(label) }) else { return nil }
        return line.split(whereSeparator: { $0 == " " || $0 == "|" }).last.flatMap { Int($0) }
    }
}
