/// The outcome of one ``RateMeter`` measurement.
struct RateMeasurement {
    /// Timed runs of the operation (the warm-up is not counted).
    let runs: Int
    /// Wall-clock time of the timed runs.
    let elapsed: Duration
    /// The operation's results folded together; printed so the work cannot be optimised away.
    let checksum: Int

    /// Elapsed time in seconds.
    var seconds: Double {
        let (whole, attoseconds) = elapsed.components
        return Double(whole) + Double(attoseconds) / 1e18
    }

    /// Runs per second.
    var perSecond: Double { Double(runs) / seconds }

    /// Average time of one run in nanoseconds.
    var nanosecondsPerRun: Double { seconds * 1e9 / Double(runs) }

    /// One line for people: rate, time per run, runs, duration and checksum.
    var summary: String {
        "\(Int(perSecond.rounded()))/s (\(Int(nanosecondsPerRun.rounded())) ns each; "
            + "\(runs) runs in \(BenchmarkReport.format(seconds, fractionDigits: 2)) s; checksum \(checksum))"
    }
}
