import MediaMixer
import MediaTesting
import Testing

@Suite("Mix-minus mixer: who hears whom")
struct MixMinusMixerTests {
    static let tones: [Double] = [440, 660, 880]

    /// Runs `ticks` ticks with every member speaking its tone and returns what each heard in the
    /// last `keep` ticks, concatenated.
    static func run(_ mixer: MixMinusMixer, _ members: inout [TonedMember], ticks: Int, keep: Int) -> [[Int16]] {
        var heard = Array(repeating: [Int16](), count: members.count)
        for tick in 0..<ticks {
            for index in members.indices {
                members[index].speak(into: mixer)
            }
            mixer.tick()
            if tick >= ticks - keep {
                for index in members.indices {
                    heard[index] += Array(mixer.output(for: members[index].id))
                }
            }
        }
        return heard
    }

    @Test("Each of three members hears exactly the two others", arguments: [16_000, 48_000])
    func eachHearsTheOthers(sampleRate: Int) throws {
        let mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: sampleRate))
        var members = Self.tones.map { TonedMember(mixer: mixer, frequency: $0) }
        let heard = Self.run(mixer, &members, ticks: 15, keep: 10)
        let detector = GoertzelDetector(sampleRate: Double(sampleRate))
        for (index, member) in members.enumerated() {
            let others = Self.tones.filter { $0 != member.frequency }
            #expect(detector.presentFrequencies(among: Self.tones, in: heard[index], threshold: 0.3) == others)
            #expect(detector.relativePower(of: member.frequency, in: heard[index]) < 0.001)
            #expect(mixer.outputKey(for: member.id) == .own(member.id))
        }
    }

    @Test("A quiet mix is the exact sum of the others, sample for sample")
    func quietMixIsExactSum() throws {
        let mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: 8_000))
        var members = Self.tones.map { TonedMember(mixer: mixer, frequency: $0, amplitude: 5_000) }
        let frames = members.indices.map { members[$0].speak(into: mixer) }
        mixer.tick()
        let heardByFirst = Array(mixer.output(for: members[0].id))
        let expected = zip(frames[1], frames[2]).map { $0 + $1 }
        #expect(heardByFirst == expected)
    }

    @Test("A muted member is heard by nobody but still hears the room")
    func muteRemovesVoiceOnly() throws {
        let mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: 16_000))
        var members = Self.tones.map { TonedMember(mixer: mixer, frequency: $0) }
        try mixer.setMuted(true, for: members[0].id)
        let heard = Self.run(mixer, &members, ticks: 15, keep: 10)
        let detector = GoertzelDetector(sampleRate: 16_000)
        #expect(detector.presentFrequencies(among: Self.tones, in: heard[0], threshold: 0.3) == [660, 880])
        #expect(detector.relativePower(of: 440, in: heard[1]) < 0.001)
        #expect(detector.relativePower(of: 440, in: heard[2]) < 0.001)
        #expect(detector.presentFrequencies(among: Self.tones, in: heard[1], threshold: 0.9) == [880])
        // Contributing nothing, the muted member shares the full mix.
        #expect(mixer.outputKey(for: members[0].id) == .fullMix)
        #expect(!mixer.isContributing(members[0].id))
        #expect(mixer.isTalking(members[0].id), "talker detection keeps running while muted")

        try mixer.setMuted(false, for: members[0].id)
        let afterUnmute = Self.run(mixer, &members, ticks: 5, keep: 5)
        #expect(detector.relativePower(of: 440, in: afterUnmute[1]) > 0.3)
    }

    @Test("A deaf member hears silence and is still heard")
    func deafHearsSilence() throws {
        let mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: 16_000))
        var members = Self.tones.map { TonedMember(mixer: mixer, frequency: $0) }
        try mixer.setDeaf(true, for: members[2].id)
        let heard = Self.run(mixer, &members, ticks: 10, keep: 10)
        #expect(heard[2].allSatisfy { $0 == 0 })
        #expect(mixer.outputKey(for: members[2].id) == .silence)
        let detector = GoertzelDetector(sampleRate: 16_000)
        #expect(detector.presentFrequencies(among: Self.tones, in: heard[0], threshold: 0.3) == [660, 880])
    }

    @Test("Input gain scales a voice for everyone; output gain scales what one member hears")
    func perMemberGains() throws {
        let mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: 16_000))
        var members = Self.tones.map { TonedMember(mixer: mixer, frequency: $0) }
        try mixer.setInputGain(0.5, for: members[0].id)
        try mixer.setOutputGain(0.5, for: members[2].id)
        var sent = Array(repeating: [Int16](), count: 3)
        var heard = Array(repeating: [Int16](), count: 3)
        for _ in 0..<10 {
            for index in members.indices {
                sent[index] += members[index].speak(into: mixer)
            }
            mixer.tick()
            for index in members.indices {
                heard[index] += Array(mixer.output(for: members[index].id))
            }
        }
        // Member 1 hears 440 Hz at half amplitude beside 880 Hz at full: a quarter of the power.
        let detector = GoertzelDetector(sampleRate: 16_000)
        let ratio = detector.relativePower(of: 440, in: heard[1]) / detector.relativePower(of: 880, in: heard[1])
        #expect(abs(ratio - 0.25) < 0.02)
        // Member 2 hears (440/2 + 660) halved, to within the rounding of the fixed-point gains.
        for index in heard[2].indices {
            let expected = (Double(sent[0][index]) / 2 + Double(sent[1][index])) / 2
            #expect(abs(Double(heard[2][index]) - expected) <= 1.5)
        }
        #expect(mixer.outputKey(for: members[2].id) == .own(members[2].id))
        #expect(throws: MixerError.self) { try mixer.setInputGain(9, for: members[0].id) }
    }

    @Test("A thousand silent listeners share one frame, and it is the full mix")
    func silentListenersShareTheFullMix() throws {
        let mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: 16_000, memberCapacity: 1_002))
        var talkers = [TonedMember(mixer: mixer, frequency: 440), TonedMember(mixer: mixer, frequency: 880)]
        let listeners = (0..<1_000).map { _ in mixer.addMember() }
        // Half the listeners send faint noise (about −70 dBFS, under the gate), half send nothing.
        var noiseState: UInt32 = 12_345
        var noise = [Int16](repeating: 0, count: mixer.samplesPerFrame)
        var lastFrames: [[Int16]] = []
        for _ in 0..<5 {
            lastFrames = talkers.indices.map { talkers[$0].speak(into: mixer) }
            for listener in listeners.prefix(500) {
                for index in noise.indices {
                    noiseState = noiseState &* 1_664_525 &+ 1_013_904_223
                    noise[index] = Int16(Int(noiseState >> 27) - 16)
                }
                mixer.writeInputFrame(noise, for: listener)
            }
            mixer.tick()
        }
        var keys = Set<MixerOutputKey>()
        mixer.forEachMember { keys.insert(mixer.outputKey(for: $0)) }
        #expect(keys == [.fullMix, .own(talkers[0].id), .own(talkers[1].id)])
        #expect(listeners.allSatisfy { mixer.outputKey(for: $0) == .fullMix })
        let expected = zip(lastFrames[0], lastFrames[1]).map { $0 + $1 }
        #expect(Array(mixer.output(for: .fullMix)) == expected)
        #expect(Array(mixer.output(for: talkers[0].id)) == lastFrames[1])
    }

    @Test("Removed members' identifiers are refused, even after their slot is reused")
    func staleIdentifiersAreRefused() throws {
        let mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: 8_000, memberCapacity: 1))
        let first = mixer.addMember()
        try mixer.setMuted(true, for: first)
        try mixer.setDeaf(true, for: first)
        try mixer.removeMember(first)
        var second = TonedMember(mixer: mixer, frequency: 440)
        let listener = mixer.addMember()
        let spoken = second.speak(into: mixer)
        mixer.tick()
        // The reused slot starts afresh: neither muted nor deaf.
        #expect(Array(mixer.output(for: listener)) == spoken)
        #expect(mixer.outputKey(for: second.id) == .own(second.id))
        #expect(mixer.memberCount == 2)
        try mixer.removeMember(listener)
        #expect(!mixer.contains(first))
        #expect(mixer.contains(second.id))
        #expect(mixer.memberCount == 1)
        let error = #expect(throws: MixerError.self) { try mixer.setMuted(true, for: first) }
        #expect(error?.code == .unknownMember)
        #expect(throws: MixerError.self) {
            try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: 44_100))
        }
    }
}
