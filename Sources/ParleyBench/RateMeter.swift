/// Runs an operation over and over on the calling thread and reports how many runs per second it
/// sustains, timed with a `ContinuousClock`.
///
/// The operation returns an integer derived from its work; the meter folds every result into a
/// checksum that the caller prints, so the optimiser cannot drop the work as dead code.
struct RateMeter {
    /// How long a measurement runs when ``iterations`` is `nil`.
    let duration: Duration
    /// A fixed number of runs, overriding ``duration``.
    let iterations: Int?

    /// Runs between two readings of the clock: small against the shortest measurement, large enough
    /// that reading the clock costs nothing measurable.
    private static let batchSize = 64

    /// Measures `operation`, after a warm-up of a tenth of the measurement that fills caches and
    /// runs one-time initialisation.
    func measure(_ operation: () throws -> Int) rethrows -> RateMeasurement {
        let clock = ContinuousClock()
        var checksum = 0
        if let iterations {
            for _ in 0..<max(1, iterations / 10) { checksum &+= try operation() }
            let start = clock.now
            for _ in 0..<iterations { checksum &+= try operation() }
            return RateMeasurement(runs: iterations, elapsed: start.duration(to: clock.now), checksum: checksum)
        }
        let warmUpEnd = clock.now.advanced(by: duration / 10)
        while clock.now < warmUpEnd {
            for _ in 0..<Self.batchSize { checksum &+= try operation() }
        }
        let start = clock.now
        var runs = 0
        var elapsed = Duration.zero
        repeat {
            for _ in 0..<Self.batchSize { checksum &+= try operation() }
            runs += Self.batchSize
            elapsed = start.duration(to: clock.now)
        } while elapsed < duration
        return RateMeasurement(runs: runs, elapsed: elapsed, checksum: checksum)
    }
}
