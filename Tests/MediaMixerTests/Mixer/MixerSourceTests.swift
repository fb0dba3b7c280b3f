import MediaMixer
import MediaTesting
import Testing

@Suite("Mix-minus mixer: prompts and recording")
struct MixerSourceTests {
    @Test("A prompt attached to one member reaches only that member and detaches itself when done")
    func memberPrompt() throws {
        let mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: 16_000))
        var talker = TonedMember(mixer: mixer, frequency: 440)
        let caller = mixer.addMember()
        let bystander = mixer.addMember()
        // 150 ms of 1000 Hz: seven full frames and a half frame.
        let prompt = FinitePrompt(frequency: 1_000, sampleRate: 16_000, sampleCount: 2_400)
        try mixer.attachSource(prompt, to: .member(caller))
        var heardByCaller: [Int16] = []
        var heardByBystander: [Int16] = []
        var heardByTalker: [Int16] = []
        var events: [(tick: Int, event: MixerEvent)] = []
        for tick in 0..<12 {
            talker.speak(into: mixer)
            mixer.tick()
            if tick < 7 {
                #expect(mixer.outputKey(for: caller) == .own(caller))
                heardByCaller += Array(mixer.output(for: caller))
                heardByBystander += Array(mixer.output(for: bystander))
                heardByTalker += Array(mixer.output(for: talker.id))
            }
            mixer.drainEvents { events.append((tick, $0)) }
        }
        let detector = GoertzelDetector(sampleRate: 16_000)
        #expect(detector.presentFrequencies(among: [440, 1_000], in: heardByCaller, threshold: 0.3) == [440, 1_000])
        #expect(detector.relativePower(of: 1_000, in: heardByBystander) < 0.001)
        #expect(detector.relativePower(of: 1_000, in: heardByTalker) < 0.001)
        let finished = events.filter {
            if case .sourceFinished = $0.event { true } else { false }
        }
        #expect(finished.map { $0.event } == [.sourceFinished(source: ObjectIdentifier(prompt), target: .member(caller))])
        #expect(finished.map { $0.tick } == [7], "the half frame is the last one")
        #expect(prompt.reads == 8, "a detached prompt is not read again")
        #expect(mixer.outputKey(for: caller) == .fullMix)
    }

    @Test("Detaching a member's prompt (barge-in) silences it at once, without an event")
    func bargeIn() throws {
        let mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: 8_000))
        let caller = mixer.addMember()
        let prompt = FinitePrompt(frequency: 1_000, sampleRate: 8_000, sampleCount: 8_000)
        try mixer.attachSource(prompt, to: .member(caller))
        mixer.tick()
        #expect(Array(mixer.output(for: caller)).contains { $0 != 0 })
        try mixer.detachSources(from: .member(caller))
        mixer.tick()
        #expect(Array(mixer.output(for: caller)).allSatisfy { $0 == 0 })
        var events: [MixerEvent] = []
        mixer.drainEvents { events.append($0) }
        #expect(events.isEmpty)
    }

    @Test("A room prompt that leaves out one member: everyone else and the recording hear it, that member hears the room without it")
    func roomPromptExceptOne() throws {
        let mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: 8_000))
        let sink = CollectingSink(sampleRate: 8_000)
        try mixer.attachRecorder(sink)
        var talker = TonedMember(mixer: mixer, frequency: 440)
        let joiner = mixer.addMember()
        let listeners = [mixer.addMember(), mixer.addMember()]
        // 100 ms of 1000 Hz: five frames.
        let beep = FinitePrompt(frequency: 1_000, sampleRate: 8_000, sampleCount: 800)
        try mixer.attachSource(beep, to: .roomExcept(joiner))
        var heardByJoiner: [Int16] = []
        var heardByListeners: [[Int16]] = [[], []]
        var heardByTalker: [Int16] = []
        var events: [MixerEvent] = []
        for _ in 0..<5 {
            talker.speak(into: mixer)
            mixer.tick()
            #expect(mixer.outputKey(for: joiner) == .own(joiner))
            #expect(listeners.map { mixer.outputKey(for: $0) } == [.fullMix, .fullMix], "the others still share one frame")
            heardByJoiner += Array(mixer.output(for: joiner))
            for (index, listener) in listeners.enumerated() { heardByListeners[index] += Array(mixer.output(for: listener)) }
            heardByTalker += Array(mixer.output(for: talker.id))
            mixer.drainEvents { events.append($0) }
        }
        let detector = GoertzelDetector(sampleRate: 8_000)
        #expect(detector.relativePower(of: 440, in: heardByJoiner) > 0.95, "the joiner hears the talker")
        #expect(detector.relativePower(of: 1_000, in: heardByJoiner) < 0.001, "but not the beep")
        for heard in heardByListeners + [heardByTalker] {
            #expect(detector.relativePower(of: 1_000, in: heard) > 0.3)
        }
        #expect(detector.relativePower(of: 1_000, in: Array(sink.frames.joined())) > 0.3)
        talker.speak(into: mixer)
        mixer.tick()
        mixer.drainEvents { events.append($0) }
        #expect(events.contains(.sourceFinished(source: ObjectIdentifier(beep), target: .roomExcept(joiner))))
        #expect(mixer.outputKey(for: joiner) == .fullMix, "the beep over, the joiner shares the full mix again")
    }

    @Test("A room prompt cannot leave out a member who is not in the room")
    func roomPromptExceptStranger() throws {
        let mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: 8_000))
        let gone = mixer.addMember()
        try mixer.removeMember(gone)
        let error = #expect(throws: MixerError.self) {
            try mixer.attachSource(FinitePrompt(frequency: 1_000, sampleRate: 8_000, sampleCount: 80), to: .roomExcept(gone))
        }
        #expect(error?.code == .unknownMember)
    }

    @Test("A deaf member still hears a private prompt but not a room prompt")
    func deafMemberPrompts() throws {
        let mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: 8_000))
        let caller = mixer.addMember()
        try mixer.setDeaf(true, for: caller)
        try mixer.attachSource(FinitePrompt(frequency: 500, sampleRate: 8_000, sampleCount: 8_000), to: .room)
        mixer.tick()
        #expect(mixer.outputKey(for: caller) == .silence)
        let prompt = FinitePrompt(frequency: 1_000, sampleRate: 8_000, sampleCount: 8_000)
        try mixer.attachSource(prompt, to: .member(caller))
        var heard: [Int16] = []
        for _ in 0..<5 {
            mixer.tick()
            heard += Array(mixer.output(for: caller))
        }
        let detector = GoertzelDetector(sampleRate: 8_000)
        #expect(detector.relativePower(of: 1_000, in: heard) > 0.95)
        #expect(detector.relativePower(of: 500, in: heard) < 0.001)
    }

    @Test("The recorder gets the full mix of talkers and room prompts, every tick")
    func recorderGetsFullMix() throws {
        let mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: 48_000))
        let sink = CollectingSink(sampleRate: 48_000)
        try mixer.attachRecorder(sink)
        var talkers = [TonedMember(mixer: mixer, frequency: 440), TonedMember(mixer: mixer, frequency: 660)]
        let listener = mixer.addMember()
        let beep = FinitePrompt(frequency: 1_000, sampleRate: 48_000, sampleCount: 48_000)
        try mixer.attachSource(beep, to: .room)
        var heardByListener: [[Int16]] = []
        var heardByTalker: [Int16] = []
        for tick in 0..<10 {
            if tick < 8 {
                for index in talkers.indices { talkers[index].speak(into: mixer) }
            }
            mixer.tick()
            heardByListener.append(Array(mixer.output(for: listener)))
            heardByTalker += Array(mixer.output(for: talkers[0].id))
        }
        #expect(sink.frames.count == 10)
        #expect(sink.frames == heardByListener)
        let detector = GoertzelDetector(sampleRate: 48_000)
        let recorded = Array(sink.frames.prefix(8).joined())
        #expect(detector.presentFrequencies(among: [440, 660, 1_000], in: recorded, threshold: 0.2) == [440, 660, 1_000])
        // Everyone hears a room prompt, talkers included.
        #expect(detector.presentFrequencies(among: [440, 660, 1_000], in: heardByTalker, threshold: 0.2) == [660, 1_000])
        let lastFrame = sink.frames[9]
        #expect(detector.presentFrequencies(among: [440, 660, 1_000], in: lastFrame, threshold: 0.9) == [1_000])
    }

    @Test("A source detached by identity and a detached recorder are no longer used")
    func detachByIdentity() throws {
        let mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: 8_000))
        let listener = mixer.addMember()
        let sink = CollectingSink(sampleRate: 8_000)
        try mixer.attachRecorder(sink)
        let announcement = FinitePrompt(frequency: 1_000, sampleRate: 8_000, sampleCount: 8_000)
        try mixer.attachSource(announcement, to: .room)
        mixer.tick()
        #expect(Array(mixer.output(for: listener)).contains { $0 != 0 })
        #expect(mixer.detachSource(announcement))
        #expect(!mixer.detachSource(announcement))
        mixer.detachRecorder()
        mixer.tick()
        #expect(Array(mixer.output(for: listener)).allSatisfy { $0 == 0 })
        #expect(announcement.reads == 1)
        #expect(sink.frames.count == 1)
    }

    @Test("Sources and sinks at another rate are refused")
    func rateMismatch() throws {
        let mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: 16_000))
        let member = mixer.addMember()
        let error = #expect(throws: MixerError.self) {
            try mixer.attachSource(FinitePrompt(frequency: 1_000, sampleRate: 8_000, sampleCount: 80), to: .member(member))
        }
        #expect(error?.code == .sampleRateMismatch)
        #expect(throws: MixerError.self) { try mixer.attachRecorder(CollectingSink(sampleRate: 48_000)) }
    }
}
