import Foundation

/// Measures how much of a block of PCM lies at given frequencies (the Goertzel algorithm).
///
/// A test proves a tone survived an encoder, a decoder or a resampler by asking what share of the
/// block's energy sits at the tone's frequency, and that a frequency which was never sent is absent.
public struct GoertzelDetector: Sendable {
    /// The sampling rate of the blocks analysed, in Hz.
    public let sampleRate: Double

    /// Creates a detector for blocks sampled at `sampleRate` Hz.
    public init(sampleRate: Double) {
        self.sampleRate = sampleRate
    }

    /// The share (0...1) of the block's energy at `frequency`.
    ///
    /// The Goertzel recurrence yields |X(f)|², the squared magnitude of the block's DFT at `frequency`,
    /// here taken over a Hann window w that keeps a strong tone from leaking into other frequencies.
    /// A sine of amplitude A at `frequency` gives |X(f)|² ≈ (A·Σw/2)² and a mean power Σx²/N = A²/2,
    /// so the ratio 2·|X(f)|²/(Σw)² ÷ (Σx²/N) is about 1 for that sine and about 0 for a sine far from it.
    ///
    /// - Returns: The relative power at `frequency`, or 0 for a silent or empty block.
    public func relativePower(of frequency: Double, in block: [Int16]) -> Double {
        let count = block.count
        guard count > 1 else { return 0 }
        let coefficient = 2 * cos(2 * Double.pi * frequency / sampleRate)
        var previous = 0.0
        var beforePrevious = 0.0
        var energy = 0.0
        var windowSum = 0.0
        for (index, sample) in block.enumerated() {
            let window = 0.5 - 0.5 * cos(2 * Double.pi * Double(index) / Double(count - 1))
            let value = Double(sample)
            let windowed = value * window
            energy += value * value
            windowSum += window
            let current = windowed + coefficient * previous - beforePrevious
            beforePrevious = previous
            previous = current
        }
        guard energy > 0 else { return 0 }
        let magnitudeSquared = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious
        // For a sine of amplitude A: |X|² ≈ (A·Σw/2)² and Σx²/N ≈ A²/2, so this ratio is ≈ 1 at the tone.
        let ratio = 2 * magnitudeSquared / (windowSum * windowSum) / (energy / Double(count))
        return min(ratio, 1)
    }

    /// The candidates whose relative power in `block` reaches `threshold`, in the order given.
    ///
    /// - Parameters:
    ///   - candidates: Frequencies in Hz to look for.
    ///   - block: The PCM to analyse.
    ///   - threshold: The minimum share (0...1) of the block's energy a frequency must hold to count as present.
    public func presentFrequencies(among candidates: [Double], in block: [Int16], threshold: Double = 0.5) -> [Double] {
        candidates.filter { relativePower(of: $0, in: block) >= threshold }
    }
}
