import MediaTesting
import Testing

@Suite("Tone generator and Goertzel detector")
struct ToneToolsTests {
    @Test("The detector finds the generated tone and nothing else")
    func detectorFindsGeneratedTone() {
        var generator = ToneGenerator(frequency: 1_000, sampleRate: 8_000)
        let block = generator.next(800)
        let detector = GoertzelDetector(sampleRate: 8_000)
        #expect(detector.relativePower(of: 1_000, in: block) > 0.95)
        #expect(detector.relativePower(of: 440, in: block) < 0.001)
        #expect(detector.presentFrequencies(among: [440, 1_000, 2_000], in: block) == [1_000])
    }

    @Test("Two tones share the energy and both are found")
    func detectorFindsTwoTones() {
        var low = ToneGenerator(frequency: 697, sampleRate: 8_000)
        var high = ToneGenerator(frequency: 1_209, sampleRate: 8_000)
        let block = zip(low.next(1_600), high.next(1_600)).map { $0 / 2 + $1 / 2 }
        let detector = GoertzelDetector(sampleRate: 8_000)
        #expect(detector.presentFrequencies(among: [697, 770, 1_209, 1_336], in: block, threshold: 0.3) == [697, 1_209])
    }

    @Test("Frames generated one after another equal one long frame")
    func phaseContinuesAcrossFrames() {
        var whole = ToneGenerator(frequency: 440, sampleRate: 48_000)
        var framed = ToneGenerator(frequency: 440, sampleRate: 48_000)
        let once = whole.next(960 * 3)
        let inFrames = framed.next(960) + framed.next(960) + framed.next(960)
        #expect(once == inFrames)
        #expect((9_990...10_000).contains(once.max() ?? 0))
    }

    @Test("Silence holds no tone")
    func silenceHoldsNoTone() {
        let detector = GoertzelDetector(sampleRate: 8_000)
        #expect(detector.relativePower(of: 440, in: [Int16](repeating: 0, count: 160)) == 0)
    }
}
