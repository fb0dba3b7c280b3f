import MediaMixer
import MediaTesting
import Testing

@Suite("Audio codecs: tones, code points, payload sizes, concealment")
struct AudioCodecRoundTripTests {
    @Test("A tone survives encode and decode", arguments: AudioCodecKind.allCases, [440.0, 1000.0])
    func toneSurvives(kind: AudioCodecKind, frequency: Double) throws {
        var harness = try CodecHarness(kind)
        var tone = ToneGenerator(frequency: frequency, sampleRate: Double(kind.sampleRate))
        let signal = try harness.roundTrip(&tone, frames: 25)
        #expect(signal.count == kind.sampleRate / 2)
        // Skip 100 ms of codec delay and start-up transient.
        let settled = Array(signal[(kind.sampleRate / 10)...])
        let detector = GoertzelDetector(sampleRate: Double(kind.sampleRate))
        let other = frequency == 440 ? 1000.0 : 440.0
        #expect(detector.relativePower(of: frequency, in: settled) > 0.8)
        #expect(detector.relativePower(of: other, in: settled) < 0.01)
        #expect(rootMeanSquare(settled) > 5000, "the 10000-peak tone keeps its level")
    }

    @Test("G.722 carries a 5 kHz tone, which no 8 kHz codec can")
    func g722IsWideband() throws {
        var harness = try CodecHarness(.g722)
        var tone = ToneGenerator(frequency: 5000, sampleRate: 16000)
        let signal = try harness.roundTrip(&tone, frames: 25)
        let settled = Array(signal[1600...])
        let detector = GoertzelDetector(sampleRate: 16000)
        #expect(detector.relativePower(of: 5000, in: settled) > 0.7)
        #expect(rootMeanSquare(settled) > 4000)
    }

    @Test("Payload sizes per 20 ms frame", arguments: AudioCodecKind.allCases)
    func payloadSizes(kind: AudioCodecKind) throws {
        var harness = try CodecHarness(kind)
        #expect(harness.frameSize == kind.samplesPerFrame(ptime: 20))
        var tone = ToneGenerator(frequency: 440, sampleRate: Double(kind.sampleRate))
        let payload = try harness.encode(tone.next(harness.frameSize))
        switch kind {
        case .pcmu, .pcma, .g722:
            // 64 kbit/s for 20 ms.
            #expect(payload.count == 160)
        case .opus:
            #expect(payload.count > 0 && payload.count <= 1275)
        }
        #expect(harness.encoder.kind == kind && harness.decoder.kind == kind)
    }

    @Test("Opus payloads follow the configured bitrate")
    func opusBitrate() throws {
        var low = try CodecHarness(.opus, settings: AudioCodecSettings(opusBitrate: 12_000, opusInBandFEC: false))
        var high = try CodecHarness(.opus, settings: AudioCodecSettings(opusBitrate: 64_000, opusInBandFEC: false))
        var tone = ToneGenerator(frequency: 440, sampleRate: 48000)
        var lowBytes = 0
        var highBytes = 0
        for _ in 0..<10 {
            let frame = tone.next(960)
            lowBytes += try low.encode(frame).count
            highBytes += try high.encode(frame).count
        }
        // 12 kbit/s is 30 bytes per 20 ms, 64 kbit/s 160 bytes.
        #expect(lowBytes < 10 * 60)
        #expect(highBytes > 10 * 100)
    }

    @Test("G.711 code points of ITU-T G.711 Tables 1a and 1b")
    func g711CodePoints() throws {
        var muLaw = try CodecHarness(.pcmu)
        var aLaw = try CodecHarness(.pcma)
        let samples: [Int16] = [0, 32767, -32768]
        #expect(try muLaw.encode(samples) == [0xFF, 0x80, 0x00])
        #expect(try aLaw.encode(samples) == [0xD5, 0xAA, 0x2A])
        #expect(try muLaw.decode([0xFF]) == [0])
        #expect(try aLaw.decode([0xD5]) == [8], "A-law has no zero: its smallest step decodes to ±8")
    }

    @Test("Too small a payload buffer is an error, not an overrun")
    func bufferTooSmall() throws {
        let encoder = try AudioCodecFactory.makeEncoder(.pcmu)
        let pcm = [Int16](repeating: 0, count: 160)
        var payload = [UInt8](repeating: 0, count: 80)
        #expect(throws: AudioCodecError(code: .bufferTooSmall, kind: .pcmu)) {
            try pcm.withUnsafeBufferPointer { input in
                try payload.withUnsafeMutableBufferPointer { try encoder.encode(input, into: $0) }
            }
        }
    }

    @Test("Concealment continues the tone, then fades to silence", arguments: [AudioCodecKind.pcmu, .pcma, .g722])
    func spanDSPConcealmentFades(kind: AudioCodecKind) throws {
        var harness = try CodecHarness(kind)
        var tone = ToneGenerator(frequency: 440, sampleRate: Double(kind.sampleRate))
        let before = try harness.roundTrip(&tone, frames: 10)
        let level = rootMeanSquare(before.suffix(harness.frameSize))
        let gap = (0..<5).map { _ in harness.conceal() }
        #expect(gap.allSatisfy { $0.count == harness.frameSize })
        // The first lost frame sounds like the tone; by 100 ms spandsp has faded it out.
        #expect(rootMeanSquare(gap[0]) > level * 0.3)
        let detector = GoertzelDetector(sampleRate: Double(kind.sampleRate))
        #expect(detector.relativePower(of: 440, in: gap[0]) > 0.5)
        #expect(rootMeanSquare(gap[4]) < level * 0.01)
        #expect(rootMeanSquare(gap[1]) < rootMeanSquare(gap[0]))
    }

    @Test("Opus concealment continues the tone, then decays")
    func opusConcealmentFades() throws {
        var harness = try CodecHarness(.opus)
        var tone = ToneGenerator(frequency: 440, sampleRate: 48000)
        let before = try harness.roundTrip(&tone, frames: 25)
        let level = rootMeanSquare(before.suffix(960))
        let gap = (0..<10).map { _ in harness.conceal() }
        #expect(gap.allSatisfy { $0.count == 960 })
        #expect(rootMeanSquare(gap[0]) > level * 0.3)
        #expect(rootMeanSquare(gap[9]) < rootMeanSquare(gap[0]) * 0.5)
    }
}
