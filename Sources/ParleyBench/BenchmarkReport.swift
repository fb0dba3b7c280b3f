/// The figures of one benchmark run, printed as the single final `key=value …` line that scripts
/// read (keys in the order they were added).
struct BenchmarkReport {
    private var pairs: [(key: String, value: String)] = []

    /// Records a rate, rounded to a whole number per second.
    mutating func add(_ key: String, perSecond: Double) {
        pairs.append((key, String(Int(perSecond.rounded()))))
    }

    /// Records a ratio such as allocations per operation, with two decimals.
    mutating func add(_ key: String, ratio: Double) {
        pairs.append((key, Self.format(ratio, fractionDigits: 2)))
    }

    /// The final line: `key=value` pairs separated by single spaces.
    var line: String {
        pairs.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
    }

    /// `value` with exactly `fractionDigits` decimals (the bench avoids Foundation's formatters).
    static func format(_ value: Double, fractionDigits: Int) -> String {
        var scale = 1
        for _ in 0..<fractionDigits { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        let sign = scaled < 0 ? "-" : ""
        let magnitude = scaled.magnitude
        guard fractionDigits > 0 else { return sign + String(magnitude) }
        let fraction = String(magnitude % UInt(scale))
        let padding = String(repeating: "0", count: fractionDigits - fraction.count)
        return "\(sign)\(magnitude / UInt(scale)).\(padding)\(fraction)"
    }
}
