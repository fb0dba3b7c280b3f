/// Runs an operation over and over on the calling thread and reports how many runs per second it
/// sustains, timed with a `ContinuousClock`.
///
/// The operation returns an integer derived from its work; the meter folds every result into a
/// checksum that the caller prints, so the optimiser cannot drop the work as dead code. The thread's
/// CPU time is read alongside, so a measurement that shared its core with other processes says so.
struct RateMeter {
    /// How long a measurement runs when ``iterations`` is `nil`.
    let duration: Duration
    /// A fixed number of runs, overriding ``duration``.
    let iterations: Int?

    /// How long the runs between two readings of the clock should take: long enough that reading
    /// the clock costs nothing measurable, short enough not to overshoot ``duration``.
    private static let batchDuration = Duration.milliseconds(1)

    /// Measures `operation`, after a warm-up of a tenth of the measurement that fills caches and
    /// runs one-time initialisation.
    func measure(_ operation: () throws -> Int) rethrows -> RateMeasurement {
        let clock = ContinuousClock()
        var checksum = 0
        if let iterations {
            for _ in 0..<max(1, iterations / 10) { checksum &+= try operation() }
            let cpuStart = ThreadCPUTime.now
            let start = clock.now
            for _ in 0..<iterations { checksum &+= try operation() }
            return RateMeasurement(
                runs: iterations, elapsed: start.duration(to: clock.now), cpuTime: ThreadCPUTime.now - cpuStart,
                checksum: checksum)
        }
        let warmUpStart = clock.now
        var warmUpRuns = 0
        repeat {
            checksum &+= try operation()
            warmUpRuns += 1
        } while warmUpStart.duration(to: clock.now) < duration / 10
        let batchSize = max(1, Int(Double(warmUpRuns) * (Self.batchDuration / (duration / 10))))

        let cpuStart = ThreadCPUTime.now
        let start = clock.now
        var runs = 0
        var elapsed = Duration.zero
        repeat {
            for _ in 0..<batchSize { checksum &+= try operation() }
            runs += batchSize
            elapsed = start.duration(to: clock.now)
        } while elapsed < duration
        return RateMeasurement(runs: runs, elapsed: elapsed, cpuTime: ThreadCPUTime.now - cpuStart, checksum: checksum)
    }
}
