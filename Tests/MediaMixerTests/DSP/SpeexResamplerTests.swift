import MediaMixer
import MediaTesting
import Testing

@Suite("Speex resampler")
struct SpeexResamplerTests {
    @Test("An 8 kHz tone comes out at 48 kHz six times longer and still at 440 Hz")
    func upsamplesTone() throws {
        let resampler = try SpeexResampler(inputRate: 8_000, outputRate: 48_000)
        var tone = ToneGenerator(frequency: 440, sampleRate: 8_000)
        var input = [Int16](repeating: 0, count: 160)
        var output = [Int16](repeating: 0, count: 960)
        var signal: [Int16] = []
        for _ in 0..<50 {
            tone.fill(&input)
            let (consumed, produced) = try resampler.process(input, into: &output)
            #expect(consumed == input.count)
            signal += output[..<produced]
        }
        // Six times the input, less what the filter still holds back.
        #expect(signal.count <= 48_000)
        #expect(signal.count >= 48_000 - resampler.outputLatency - 6)
        let settled = Array(signal[4_800...])
        let detector = GoertzelDetector(sampleRate: 48_000)
        #expect(detector.relativePower(of: 440, in: settled) > 0.9)
        // Samples copied without conversion would play the tone six times faster, at 2640 Hz.
        #expect(detector.relativePower(of: 2_640, in: settled) < 0.01)
        #expect(detector.relativePower(of: 1_000, in: settled) < 0.01)
    }

    @Test("A full output buffer leaves input unconsumed for the next call")
    func smallOutputLimitsConsumption() throws {
        let resampler = try SpeexResampler(inputRate: 8_000, outputRate: 48_000)
        var tone = ToneGenerator(frequency: 440, sampleRate: 8_000)
        var output = [Int16](repeating: 0, count: 96)
        let (consumed, produced) = try resampler.process(tone.next(160), into: &output)
        #expect(consumed < 160)
        #expect(produced <= 96)
    }

    @Test("Settings speexdsp rejects throw SpeexDSPError")
    func invalidSettingsThrow() {
        let qualityError = #expect(throws: SpeexDSPError.self) {
            try SpeexResampler(inputRate: 8_000, outputRate: 48_000, quality: 11)
        }
        #expect(qualityError?.code == .invalidArgument)
        let rateError = #expect(throws: SpeexDSPError.self) {
            try SpeexResampler(inputRate: 0, outputRate: 48_000)
        }
        #expect(rateError?.code == .invalidArgument)
    }
}
