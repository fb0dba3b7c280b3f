/// The outcome of one ``RateMeter`` measurement.
struct RateMeasurement {
    /// Timed runs of the operation (the warm-up is not counted).
    let runs: Int
    /// Wall-clock time of the timed runs.
    let elapsed: Duration
    /// CPU time the measuring thread used during the timed runs.
    let cpuTime: Duration
    /// The operation's results folded together; printed so the work cannot be optimised away.
    let checksum: Int

    /// Elapsed time in seconds.
    var seconds: Double { elapsed / .seconds(1) }

    /// The share of the elapsed time the thread was on a CPU; well below 1 means other processes
    /// took the core and the rate understates what the code can do.
    var cpuShare: Double { cpuTime / elapsed }

    /// Runs per second.
    var perSecond: Double { Double(runs) / seconds }

    /// Runs per second of the thread's CPU time: what the code does per core-second even when
    /// other processes shared the core (their cache pollution still counts against it).
    var perCPUSecond: Double { Double(runs) / (cpuTime / .seconds(1)) }

    /// Average time of one run in nanoseconds.
    var nanosecondsPerRun: Double { seconds * 1e9 / Double(runs) }

    /// One line for people: rate, time per run, runs, duration, CPU share and checksum.
    var summary: String {
        let warning = cpuShare < 0.95 ? " — WARNING: core shared with other processes, rate understated" : ""
        let nanoseconds = BenchmarkReport.format(nanosecondsPerRun, fractionDigits: 1)
        return "\(Int(perSecond.rounded()))/s (\(nanoseconds) ns each; "
            + "\(runs) runs in \(BenchmarkReport.format(seconds, fractionDigits: 2)) s, "
            + "\(Int((cpuShare * 100).rounded()))% on CPU, \(Int(perCPUSecond.rounded()))/s of CPU time; "
            + "checksum \(checksum))\(warning)"
    }
}
