import MediaMixer
import MediaTesting
import Testing

@Suite("Recording the mix to WAV")
struct MixRecorderTests {
    static let rate = 16000
    static let frameSize = 320

    /// Feeds `frames` frames of `tone` to the recorder, as the mixer's tick would.
    static func feed(_ recorder: MixRecorder, _ tone: inout ToneGenerator, frames: Int) {
        for _ in 0..<frames {
            tone.next(frameSize).withUnsafeBufferPointer { recorder.writeFrame($0) }
        }
    }

    @Test("Tones before and after a pause, silence during it, and the right length on disk")
    func recordPauseResume() throws {
        let file = TemporaryFile(extension: "wav")
        let recorder = try MixRecorder(path: file.path, sampleRate: Self.rate)
        var first = ToneGenerator(frequency: 440, sampleRate: Double(Self.rate))
        var hidden = ToneGenerator(frequency: 2000, sampleRate: Double(Self.rate))
        var second = ToneGenerator(frequency: 1000, sampleRate: Double(Self.rate))
        // Frames before start are not recorded.
        Self.feed(recorder, &hidden, frames: 5)
        recorder.start()
        Self.feed(recorder, &first, frames: 25)
        recorder.pause()
        Self.feed(recorder, &hidden, frames: 25)
        recorder.resume()
        Self.feed(recorder, &second, frames: 25)
        recorder.stop()
        // Frames after stop are not recorded either.
        Self.feed(recorder, &hidden, frames: 5)
        #expect(recorder.droppedSamples == 0)
        #expect(recorder.writeFailure == nil)

        let reader = try SoundFileReader(path: file.path)
        #expect(reader.sampleRate == Self.rate)
        #expect(reader.channels == 1)
        #expect(reader.frameCount == 75 * Self.frameSize, "the header states every recorded frame")
        let samples = try reader.readMono()
        let span = 25 * Self.frameSize
        let detector = GoertzelDetector(sampleRate: Double(Self.rate))
        let before = Array(samples[..<span])
        let paused = Array(samples[span..<2 * span])
        let after = Array(samples[(2 * span)...])
        #expect(detector.relativePower(of: 440, in: before) > 0.9)
        #expect(paused.allSatisfy { $0 == 0 }, "the paused span is silence of the same length")
        #expect(detector.relativePower(of: 1000, in: after) > 0.9)
        #expect(detector.relativePower(of: 2000, in: after) < 0.01)
    }

    @Test("Releasing a recording recorder closes the file with a correct header")
    func closesOnDeinit() throws {
        let file = TemporaryFile(extension: "wav")
        var tone = ToneGenerator(frequency: 440, sampleRate: Double(Self.rate))
        do {
            let recorder = try MixRecorder(path: file.path, sampleRate: Self.rate)
            recorder.start()
            Self.feed(recorder, &tone, frames: 10)
        }
        let reader = try SoundFileReader(path: file.path)
        #expect(reader.frameCount == 10 * Self.frameSize)
    }

    @Test("A full ring drops samples instead of blocking the media thread")
    func fullRingDrops() throws {
        let file = TemporaryFile(extension: "wav")
        // A 20 ms ring: the writer thread cannot keep up with a burst of frames fed at once
        // unless it drains between them, so either everything arrives or the excess is counted.
        let recorder = try MixRecorder(path: file.path, sampleRate: Self.rate, bufferedDuration: .milliseconds(20))
        var tone = ToneGenerator(frequency: 440, sampleRate: Double(Self.rate))
        recorder.start()
        Self.feed(recorder, &tone, frames: 200)
        recorder.stop()
        let reader = try SoundFileReader(path: file.path)
        #expect(reader.frameCount + recorder.droppedSamples == 200 * Self.frameSize)
    }

    @Test("A file in a missing directory cannot be created")
    func unwritablePath() {
        #expect(throws: SoundFileError.self) { try MixRecorder(path: "/nonexistent/dir/mix.wav", sampleRate: 8000) }
    }
}
