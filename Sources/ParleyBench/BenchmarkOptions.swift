import ArgumentParser

/// The options every benchmark takes: how long, or how many times, to run each measurement.
struct BenchmarkOptions: ParsableArguments {
    @Option(help: "Seconds each throughput measurement runs (after a short warm-up).")
    var seconds: Double = 2

    @Option(help: "Run each measurement exactly this many times instead of for --seconds (e.g. under callgrind).")
    var iterations: Int?

    func validate() throws {
        guard seconds > 0 else { throw ValidationError("--seconds must be positive") }
        if let iterations, iterations <= 0 { throw ValidationError("--iterations must be positive") }
    }

    /// The meter these options describe.
    var rateMeter: RateMeter {
        RateMeter(duration: .milliseconds(Int64(seconds * 1000)), iterations: iterations)
    }
}
