/// Linear gains as Q12 fixed-point integers, so the per-sample work stays in integer arithmetic.
///
/// A Q12 gain of 4096 is unity. Gains are limited to ``MixMinusMixer/gainRange`` (0 to 8, +18 dB),
/// so a scaled Int16 sample (32768 × 8 = 2¹⁸) leaves Int32 accumulators room for 8192 contributors.
enum MixerGain {
    /// Unity gain in Q12.
    static let unity: Int32 = 4096
    /// The fraction bits of a Q12 gain.
    static let fractionBits: Int32 = 12

    /// The Q12 form of a linear gain.
    static func q12(_ linear: Float) -> Int32 {
        Int32((linear * Float(unity)).rounded())
    }

    /// One sample scaled by a Q12 gain, rounding toward −∞; unity returns the sample unchanged.
    @inline(__always)
    static func scale(_ sample: Int16, by gainQ12: Int32) -> Int32 {
        // |sample| ≤ 2¹⁵ and gain ≤ 2¹⁵ (8 in Q12): the product fits Int32.
        gainQ12 == unity ? Int32(sample) : (Int32(sample) &* gainQ12) &>> fractionBits
    }
}
