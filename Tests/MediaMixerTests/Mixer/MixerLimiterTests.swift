import MediaMixer
import MediaTesting
import Testing

@Suite("Mix-minus mixer: soft limiter")
struct MixerLimiterTests {
    static let tones: [Double] = [300, 500, 700, 900, 1_100, 1_300]

    /// The share of `block`'s energy that lies at `frequencies` (1 for a clean mix of those tones).
    static func tonalShare(of frequencies: [Double], in block: [Int16], sampleRate: Int) -> Double {
        let detector = GoertzelDetector(sampleRate: Double(sampleRate))
        return frequencies.reduce(0) { $0 + detector.relativePower(of: $1, in: block) }
    }

    @Test("Six loud talkers stay inside Int16 without flat tops or heavy distortion", arguments: [16_000, 48_000])
    func sixLoudTalkers(sampleRate: Int) throws {
        let mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: sampleRate))
        var talkers = Self.tones.map { TonedMember(mixer: mixer, frequency: $0, amplitude: 14_000) }
        let listener = mixer.addMember()
        var heardByListener: [Int16] = []
        var heardByFirst: [Int16] = []
        var hardClipped: [Int16] = []
        for tick in 0..<25 {
            let frames = talkers.indices.map { talkers[$0].speak(into: mixer) }
            mixer.tick()
            guard tick >= 15 else { continue }
            heardByListener += Array(mixer.output(for: listener))
            heardByFirst += Array(mixer.output(for: talkers[0].id))
            // What plain saturation of the same sum would give, to show the measure tells them apart.
            for index in 0..<mixer.samplesPerFrame {
                let sum = frames.reduce(0) { $0 + Int($1[index]) }
                hardClipped.append(Int16(clamping: sum))
            }
        }
        #expect(mixer.outputKey(for: listener) == .fullMix)
        for block in [heardByListener, heardByFirst] {
            let peak = block.map { Int($0).magnitude }.max() ?? 0
            #expect(peak < 32_767)
            #expect(peak > 16_000, "the limiter should not crush the mix")
            let flatTops = zip(block, block.dropFirst()).filter { $0 == $1 && Int($0).magnitude > 30_000 }.count
            #expect(flatTops == 0)
        }
        #expect(Self.tonalShare(of: Self.tones, in: heardByListener, sampleRate: sampleRate) > 0.99)
        #expect(Self.tonalShare(of: Array(Self.tones.dropFirst()), in: heardByFirst, sampleRate: sampleRate) > 0.99)
        #expect(GoertzelDetector(sampleRate: Double(sampleRate)).relativePower(of: 300, in: heardByFirst) < 0.001)
        #expect(Self.tonalShare(of: Self.tones, in: hardClipped, sampleRate: sampleRate) < 0.95)
    }

    @Test("After a loud passage the gain recovers and a quiet mix is exact again")
    func gainRecovers() throws {
        let mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: 8_000))
        var talkers = Self.tones.prefix(3).map { TonedMember(mixer: mixer, frequency: $0, amplitude: 16_000) }
        let listener = mixer.addMember()
        for _ in 0..<10 {
            for index in talkers.indices { talkers[index].speak(into: mixer) }
            mixer.tick()
        }
        var quiet = ToneGenerator(frequency: 500, sampleRate: 8_000, amplitude: 4_000)
        var lastFrame: [Int16] = []
        for _ in 0..<100 {
            lastFrame = quiet.next(mixer.samplesPerFrame)
            mixer.writeInputFrame(lastFrame, for: talkers[0].id)
            mixer.tick()
        }
        #expect(Array(mixer.output(for: listener)) == lastFrame)
    }
}
