/// SplitMix64 (Steele, Lea and Flood, 2014): a small, fast generator of 64-bit values, distinct for
/// 2⁶⁴ draws (a bijection of its counter) and unpredictable without its start.
///
/// The fan-out path starts one from a system random draw per batch for its branches, tags and
/// Call-IDs (one `getrandom` per batch instead of one per identifier, RFC 3261 §8.1.1.4,
/// §8.1.1.7, §19.3); tests start one from a fixed seed to repeat a run exactly.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator started from a fresh system random value.
    init() {
        var generator = SystemRandomNumberGenerator()
        state = generator.next()
    }

    /// A generator started from `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// The next value.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
