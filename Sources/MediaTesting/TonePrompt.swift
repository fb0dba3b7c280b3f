import MediaMixer

/// An ``AudioFrameSource`` that plays a tone for a fixed time, standing in for a recorded prompt
/// in tests that must tell by ear (Goertzel) who heard it.
public final class TonePrompt: AudioFrameSource {
    /// The rate of the frames produced, in Hz.
    public let sampleRate: Int
    private var generator: ToneGenerator
    private var remaining: Int
    private var scratch: [Int16]

    /// Creates a prompt of `frequency` Hz lasting `duration`, at `sampleRate`.
    public init(frequency: Double, sampleRate: Int, duration: Duration) {
        self.sampleRate = sampleRate
        generator = ToneGenerator(frequency: frequency, sampleRate: Double(sampleRate))
        let milliseconds = Int(duration.components.seconds) * 1000 + Int(duration.components.attoseconds / 1_000_000_000_000_000)
        remaining = sampleRate * milliseconds / 1000
        scratch = [Int16](repeating: 0, count: sampleRate / 50)
    }

    /// Writes the next samples of the tone; 0 once the time is up.
    public func readFrame(into frame: UnsafeMutableBufferPointer<Int16>) -> Int {
        let count = min(frame.count, remaining, scratch.count)
        guard count > 0 else { return 0 }
        generator.fill(&scratch)
        for index in 0..<count { frame[index] = scratch[index] }
        remaining -= count
        return count
    }
}
