import ArgumentParser

/// `parley-bench`: measures Parley's hot paths (STYLE.md rule 13, "benchmarks are code").
///
/// Each subcommand measures one hot path on one core, prints its progress for people and ends with
/// one line of `key=value` pairs for scripts. A new benchmark is one new file holding a
/// `ParsableCommand` that takes a ``BenchmarkOptions`` option group and finishes with a
/// ``BenchmarkReport``, plus its name in `subcommands` below.
@main
struct ParleyBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley-bench",
        abstract: "Measures Parley's hot paths; each subcommand ends with one line of key=value figures.",
        subcommands: [
            SIPParseBenchmark.self,
            IMCFanoutBenchmark.self,
            MixerBenchmark.self,
            CallsBenchmark.self,
        ]
    )
}
