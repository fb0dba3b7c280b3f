import Foundation

/// Frame levels in dBFS for talker detection and the floor.
enum PCMLevel {
    /// The mean square of a full-scale square wave, the 0 dBFS reference (32768²).
    private static let fullScaleMeanSquare = 32_768.0 * 32_768.0

    /// The RMS level of `count` samples scaled by a Q12 gain, in dBFS (−∞ for silence).
    ///
    /// Measured after the input gain, so the level is what the other members would hear.
    static func decibelsFullScale(_ samples: UnsafePointer<Int16>, count: Int, gainQ12: Int32) -> Double {
        var sumOfSquares: Int64 = 0
        for index in 0..<count {
            let sample = Int64(samples[index])
            // 32768² × 48000 samples stays far below Int64.max; wrapping arithmetic is safe here.
            sumOfSquares &+= sample &* sample
        }
        guard sumOfSquares > 0, count > 0 else { return -.infinity }
        let gain = Double(gainQ12) / Double(MixerGain.unity)
        let meanSquare = Double(sumOfSquares) / Double(count) * gain * gain
        guard meanSquare > 0 else { return -.infinity }
        return 10 * log10(meanSquare / fullScaleMeanSquare)
    }
}
