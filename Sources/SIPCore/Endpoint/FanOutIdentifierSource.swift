/// 64-bit identifiers for the requests of one fan-out batch: SplitMix64 (Steele, Lea and Flood,
/// 2014) started from one system random draw per batch.
///
/// One `getrandom` per batch instead of one per branch, tag and Call-ID. The outputs are distinct
/// within a batch (SplitMix64 is a bijection of its counter) and unpredictable without the batch's
/// random start, which is what branches, tags and Call-IDs need (RFC 3261 §8.1.1.4, §8.1.1.7, §19.3).
struct FanOutIdentifierSource {
    private var state: UInt64

    /// A source started from a fresh system random value.
    init() {
        var generator = SystemRandomNumberGenerator()
        state = generator.next()
    }

    /// A source started from `seed` (for tests).
    init(seed: UInt64) {
        state = seed
    }

    /// The next identifier.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
