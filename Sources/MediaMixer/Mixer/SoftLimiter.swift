import Foundation

/// Brings a 32-bit mix down to Int16 without hard clipping: a frame-level gain envelope with a soft
/// knee behind it.
///
/// The envelope sees the whole frame before scaling it (one frame of look-ahead for free: the mixer
/// holds the frame already), so it lowers the gain just enough to put the frame's peak at
/// ``threshold`` and lets it recover toward unity with a release time constant of ``releaseMilliseconds``.
/// A gain drop ramps in over about one millisecond so the change itself does not click; the few
/// samples of that ramp that still exceed the threshold, and any rounding, meet a soft knee that bends
/// smoothly toward ``ceiling`` (below full scale) instead of flattening at ±32767. A frame whose peak
/// fits under the threshold at unity gain is copied unchanged, so quiet rooms are bit-exact sums.
struct SoftLimiter {
    /// The peak the envelope aims for: 0.75 of full scale, about −2.5 dBFS.
    static let threshold: Int32 = 24_576
    /// Where the soft knee starts bending: 0.8 of full scale.
    static let kneeStart: Float = 26_214
    /// The level the knee approaches and never reaches: 0.98 of full scale.
    static let ceiling: Float = 32_112
    /// How fast the gain recovers after a loud passage.
    static let releaseMilliseconds = 150.0

    /// The gain applied at the end of the last frame (1 when not limiting).
    var gain: Float = 1
    /// Per-frame factor by which the distance from unity gain shrinks during release.
    private let releaseDecay: Float
    /// Samples over which a gain drop ramps in.
    private let attackRampSamples: Int

    init(sampleRate: Int, ptime: Int) {
        releaseDecay = Float(exp(-Double(ptime) / Self.releaseMilliseconds))
        attackRampSamples = max(1, sampleRate / 1000)
    }

    /// Writes `count` limited samples of `mix` to `output`.
    mutating func limit(_ mix: UnsafePointer<Int32>, into output: UnsafeMutablePointer<Int16>, count: Int) {
        var peak: UInt32 = 0
        for index in 0..<count {
            peak = max(peak, mix[index].magnitude)
        }
        let needed: Float = peak > UInt32(Self.threshold) ? Float(Self.threshold) / Float(peak) : 1
        var released = 1 - (1 - gain) * releaseDecay
        if released > 0.999 { released = 1 }
        let target = min(needed, released)
        if target == 1 && gain == 1 {
            // Peak ≤ threshold < Int16.max: every sample fits as it is.
            for index in 0..<count {
                output[index] = Int16(truncatingIfNeeded: mix[index])
            }
            return
        }
        let start = gain
        let rampLength = target < start ? min(attackRampSamples, count) : count
        let step = (target - start) / Float(rampLength)
        for index in 0..<count {
            let sampleGain = index < rampLength ? start + step * Float(index + 1) : target
            output[index] = Self.shape(Float(mix[index]) * sampleGain)
        }
        gain = target
    }

    /// The soft knee: identity up to ``kneeStart``, then a curve with matching slope that approaches
    /// ``ceiling`` asymptotically (x/(1+x) on the excess), so no input, however loud, reaches full scale.
    @inline(__always)
    static func shape(_ value: Float) -> Int16 {
        let magnitude = abs(value)
        guard magnitude > kneeStart else { return Int16(value.rounded()) }
        let span = ceiling - kneeStart
        let excess = (magnitude - kneeStart) / span
        let bent = kneeStart + span * excess / (1 + excess)
        return Int16((value < 0 ? -bent : bent).rounded())
    }
}
