import Foundation

/// A sine-tone source of 16-bit PCM for tests, with phase carried across frames.
///
/// Frames generated one after another join without a discontinuity, so a tone cut into 20 ms frames is
/// the same signal as one generated in one piece; a codec or resampler test then sees a clean tone
/// rather than clicks at every frame edge.
public struct ToneGenerator: Sendable {
    /// The tone's frequency in Hz.
    public let frequency: Double
    /// The sampling rate in Hz.
    public let sampleRate: Double
    /// Peak amplitude in Int16 units.
    public let amplitude: Double

    /// The phase, in cycles (0..<1), of the next sample to generate.
    public private(set) var phase: Double = 0

    /// Creates a generator.
    ///
    /// - Parameters:
    ///   - frequency: Tone frequency in Hz; must be below half of `sampleRate`.
    ///   - sampleRate: Sampling rate in Hz.
    ///   - amplitude: Peak amplitude, up to `Int16.max`; the default leaves headroom for codec overshoot.
    public init(frequency: Double, sampleRate: Double, amplitude: Double = 10_000) {
        precondition(frequency > 0 && frequency < sampleRate / 2, "tone must lie between 0 Hz and Nyquist")
        precondition(amplitude >= 0 && amplitude <= Double(Int16.max), "amplitude must fit in Int16")
        self.frequency = frequency
        self.sampleRate = sampleRate
        self.amplitude = amplitude
    }

    /// Overwrites every sample of `frame` with the next stretch of the tone.
    public mutating func fill(_ frame: inout [Int16]) {
        let step = frequency / sampleRate
        for index in frame.indices {
            frame[index] = Int16((amplitude * sin(2 * Double.pi * phase)).rounded())
            phase += step
            if phase >= 1 { phase -= 1 }
        }
    }

    /// Returns the next `count` samples of the tone.
    public mutating func next(_ count: Int) -> [Int16] {
        var frame = [Int16](repeating: 0, count: count)
        fill(&frame)
        return frame
    }
}
