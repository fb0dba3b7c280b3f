import MediaMixer
import MediaTesting

/// A mixer member for tests that speaks a steady tone, one frame per tick.
struct TonedMember {
    let id: MixerMemberID
    let frequency: Double
    var generator: ToneGenerator

    init(mixer: MixMinusMixer, frequency: Double, amplitude: Double = 8_000) {
        id = mixer.addMember()
        self.frequency = frequency
        generator = ToneGenerator(frequency: frequency, sampleRate: Double(mixer.sampleRate), amplitude: amplitude)
    }

    /// Writes the next frame of the tone and returns it.
    @discardableResult
    mutating func speak(into mixer: MixMinusMixer) -> [Int16] {
        let frame = generator.next(mixer.samplesPerFrame)
        mixer.writeInputFrame(frame, for: id)
        return frame
    }
}
