import MediaMixer
import MediaTesting
import Testing

@Suite("Prompts: WAV files, players and queues")
struct PromptPlayerTests {
    /// Writes `samples` at `rate` to a WAV file with the recorder's writer and loads it back.
    static func roundTripThroughWAV(_ samples: [Int16], rate: Int, file: borrowing TemporaryFile) throws -> MonoSound {
        let writer = try SoundFileWriter(path: file.path, sampleRate: rate)
        try writer.write(samples)
        writer.close()
        return try MonoSound(contentsOf: file.path)
    }

    /// Reads `player` frame by frame until it has produced `count` samples or stopped.
    static func play(_ source: some AudioFrameSource, frameSize: Int, count: Int) -> [Int16] {
        var output: [Int16] = []
        var frame = [Int16](repeating: 0, count: frameSize)
        while output.count < count {
            let written = frame.withUnsafeMutableBufferPointer { source.readFrame(into: $0) }
            output += frame[..<written]
            if written < frameSize { break }
        }
        return output
    }

    @Test("A 440 Hz prompt written at 16 kHz plays as 440 Hz at 8, 16 and 48 kHz", arguments: [8000, 16000, 48000])
    func playsAtAnyRate(rate: Int) throws {
        let file = TemporaryFile(extension: "wav")
        var tone = ToneGenerator(frequency: 440, sampleRate: 16000)
        let sound = try Self.roundTripThroughWAV(tone.next(16000), rate: 16000, file: file)
        #expect(sound.sampleRate == 16000 && sound.samples.count == 16000)
        #expect(sound.duration == .seconds(1))

        let player = try PromptPlayer(sound, sampleRate: rate)
        let played = Self.play(player, frameSize: rate / 50, count: 2 * rate)
        #expect(abs(played.count - rate) <= rate / 100, "one second at the new rate")
        #expect(player.isFinished)
        let detector = GoertzelDetector(sampleRate: Double(rate))
        let middle = Array(played[rate / 10..<rate * 9 / 10])
        #expect(detector.relativePower(of: 440, in: middle) > 0.8)
        #expect(detector.relativePower(of: 1000, in: middle) < 0.01)
        // The resampler's delay is trimmed: the tone starts at once.
        #expect(rootMeanSquare(played.prefix(rate / 100)) > 3000)
    }

    @Test("Stereo files are mixed down to mono")
    func stereoToMono() throws {
        let file = TemporaryFile(extension: "wav")
        // 440 Hz on the left, 1000 Hz on the right.
        var left = ToneGenerator(frequency: 440, sampleRate: 8000)
        var right = ToneGenerator(frequency: 1000, sampleRate: 8000)
        let interleaved = zip(left.next(8000), right.next(8000)).flatMap { [$0, $1] }
        try writeStereoWAV(interleaved, rate: 8000, path: file.path)
        let sound = try MonoSound(contentsOf: file.path)
        #expect(sound.samples.count == 8000)
        let detector = GoertzelDetector(sampleRate: 8000)
        #expect(detector.relativePower(of: 440, in: sound.samples) > 0.3)
        #expect(detector.relativePower(of: 1000, in: sound.samples) > 0.3)
    }

    @Test("A missing file is an open error")
    func missingFile() {
        #expect(throws: SoundFileError.self) { try MonoSound(contentsOf: "/nonexistent/prompt.wav") }
    }

    @Test("A looping player goes on past the end without a gap")
    func looping() throws {
        var tone = ToneGenerator(frequency: 400, sampleRate: 8000)
        // 100 ms holds exactly 40 periods, so the loop seam is seamless.
        let sound = MonoSound(samples: tone.next(800), sampleRate: 8000)
        let player = try PromptPlayer(sound, sampleRate: 8000, looping: true)
        let played = Self.play(player, frameSize: 160, count: 8000)
        #expect(played.count == 8000)
        #expect(!player.isFinished)
        #expect(Array(played[800..<1600]) == sound.samples)
        #expect(GoertzelDetector(sampleRate: 8000).relativePower(of: 400, in: played) > 0.9)
    }

    @Test("A queue plays A then B without a gap, and clearing it stops both")
    func queueOrderAndBargeIn() throws {
        var low = ToneGenerator(frequency: 440, sampleRate: 8000)
        var high = ToneGenerator(frequency: 1000, sampleRate: 8000)
        var wideband = ToneGenerator(frequency: 1000, sampleRate: 16000)
        let queue = PromptQueue(sampleRate: 8000)
        // 250 ms each, the second converted from 16 kHz; the switch falls inside a 20 ms frame.
        try queue.enqueue(MonoSound(samples: low.next(2000), sampleRate: 8000))
        try queue.enqueue(MonoSound(samples: wideband.next(4000), sampleRate: 16000))
        let played = Self.play(queue, frameSize: 160, count: 10_000)
        #expect(played.count == 4000)
        #expect(queue.isEmpty)
        let detector = GoertzelDetector(sampleRate: 8000)
        #expect(detector.relativePower(of: 440, in: Array(played[..<2000])) > 0.8)
        #expect(detector.relativePower(of: 1000, in: Array(played[2000...])) > 0.8)

        try queue.enqueue(MonoSound(samples: low.next(8000), sampleRate: 8000))
        try queue.enqueue(MonoSound(samples: high.next(8000), sampleRate: 8000))
        #expect(Self.play(queue, frameSize: 160, count: 160).count == 160)
        queue.clear()
        #expect(queue.isEmpty)
        #expect(Self.play(queue, frameSize: 160, count: 160).isEmpty)
    }
}
