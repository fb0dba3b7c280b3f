import ArgumentParser

/// The options every benchmark takes: how long, or how many times, to run each measurement.
struct BenchmarkOptions: ParsableArguments {
    @Option(help: "Seconds each throughput measurement runs (after a short warm-up).")
    var seconds: Double = 2

    @Option(help: "Run each measurement exactly this many times instead of for --seconds (e.g. under callgrind).")
    var iterations: Int?

    func validate() throws {
        // Below this the warm-up that sizes the batches between clock readings is too short to time.
        guard seconds >= 0.01 else { throw ValidationError("--seconds must be at least 0.01") }
        if let iterations, iterations <= 0 { throw ValidationError("--iterations must be positive") }
    }

    /// The meter these options describe.
    var rateMeter: RateMeter {
        RateMeter(duration: .nanoseconds(Int64(seconds * 1e9)), iterations: iterations)
    }
}
