import MediaMixer
import MediaTesting

/// A prompt for tests: a tone of a fixed length, then the end of the source. Generated up front so
/// that, like a real prompt, it allocates nothing while the mixer reads it.
final class FinitePrompt: AudioFrameSource {
    let sampleRate: Int
    private let samples: [Int16]
    private var position = 0
    /// How many times the mixer asked for a frame.
    private(set) var reads = 0

    init(frequency: Double, sampleRate: Int, sampleCount: Int, amplitude: Double = 8_000) {
        self.sampleRate = sampleRate
        var generator = ToneGenerator(frequency: frequency, sampleRate: Double(sampleRate), amplitude: amplitude)
        samples = generator.next(sampleCount)
    }

    func readFrame(into frame: UnsafeMutableBufferPointer<Int16>) -> Int {
        reads += 1
        let count = min(frame.count, samples.count - position)
        for index in 0..<count {
            frame[index] = samples[position + index]
        }
        position += count
        return count
    }
}
