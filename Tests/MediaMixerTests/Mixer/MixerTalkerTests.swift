import MediaMixer
import MediaTesting
import Testing

@Suite("Mix-minus mixer: talker detection and floor")
struct MixerTalkerTests {
    static func events(of mixer: MixMinusMixer) -> [MixerEvent] {
        var drained: [MixerEvent] = []
        mixer.drainEvents { drained.append($0) }
        return drained
    }

    static func isTalkEvent(_ event: MixerEvent) -> Bool {
        switch event {
        case .startedTalking, .stoppedTalking: true
        default: false
        }
    }

    @Test("A 200 ms burst starts and stops talking once; a one-frame click does neither")
    func burstAndClick() throws {
        let settings = TalkerDetectionSettings(onThresholdDBFS: -40, offThresholdDBFS: -50, framesToStart: 3, framesToStop: 15)
        let mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: 16_000, talkerDetection: settings))
        var speaker = TonedMember(mixer: mixer, frequency: 440)
        let clicker = mixer.addMember()
        var click = [Int16](repeating: 0, count: mixer.samplesPerFrame)
        for index in 0..<16 { click[index] = index.isMultiple(of: 2) ? 30_000 : -30_000 }
        var timeline: [(tick: Int, event: MixerEvent)] = []
        for tick in 0..<60 {
            if tick < 10 { speaker.speak(into: mixer) }  // 10 × 20 ms = 200 ms
            if tick == 20 { mixer.writeInputFrame(click, for: clicker) }
            mixer.tick()
            // The click passes the gate for its one frame, and only that frame.
            #expect(mixer.isContributing(clicker) == (tick == 20))
            timeline += Self.events(of: mixer).map { (tick, $0) }
        }
        let talk = timeline.filter { Self.isTalkEvent($0.event) }
        #expect(talk.map { $0.event } == [.startedTalking(speaker.id), .stoppedTalking(speaker.id)])
        #expect(talk.map { $0.tick } == [2, 24], "starts on the 3rd loud frame, stops on the 15th quiet one")
        #expect(!mixer.isTalking(clicker))
    }

    @Test("The gate opens on the first loud frame, before talker detection confirms")
    func gateOpensAtOnce() throws {
        let mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: 8_000))
        var speaker = TonedMember(mixer: mixer, frequency: 440)
        let listener = mixer.addMember()
        let first = speaker.speak(into: mixer)
        mixer.tick()
        #expect(!mixer.isTalking(speaker.id))
        #expect(mixer.isContributing(speaker.id))
        #expect(Array(mixer.output(for: listener)) == first)
    }

    @Test("The floor goes to the loudest talker, and only after the hold time")
    func floorGoesToLoudest() throws {
        let configuration = MixMinusMixerConfiguration(sampleRate: 16_000, floorHoldFrames: 10)
        let mixer = try MixMinusMixer(configuration: configuration)
        var quiet = TonedMember(mixer: mixer, frequency: 440, amplitude: 2_000)
        var loud = TonedMember(mixer: mixer, frequency: 880, amplitude: 16_000)
        var floorChanges: [(tick: Int, event: MixerEvent)] = []
        for tick in 0..<60 {
            quiet.speak(into: mixer)
            if tick >= 20 { loud.speak(into: mixer) }
            mixer.tick()
            floorChanges += Self.events(of: mixer).filter { !Self.isTalkEvent($0) }.map { (tick, $0) }
        }
        #expect(floorChanges.map { $0.event } == [
            .floorChanged(from: nil, to: quiet.id),
            .floorChanged(from: quiet.id, to: loud.id),
        ])
        // Talking from tick 22 (third loud frame), loudest from then on, floor after 10 frames.
        #expect(floorChanges.map { $0.tick } == [2, 31])
        #expect(mixer.floorHolder == loud.id)

        try mixer.removeMember(loud.id)
        #expect(Self.events(of: mixer) == [.stoppedTalking(loud.id), .floorChanged(from: loud.id, to: nil)])
    }

    @Test("A muted talker cannot take the floor")
    func mutedTalkerHasNoFloor() throws {
        let mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: 8_000))
        var talker = TonedMember(mixer: mixer, frequency: 440)
        try mixer.setMuted(true, for: talker.id)
        for _ in 0..<10 {
            talker.speak(into: mixer)
            mixer.tick()
        }
        #expect(mixer.isTalking(talker.id))
        #expect(mixer.floorHolder == nil)
        #expect(Self.events(of: mixer) == [.startedTalking(talker.id)])
    }

    @Test("A full event queue drops and counts instead of growing")
    func eventQueueIsBounded() throws {
        let mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: 8_000, eventCapacity: 2))
        var talkers = [440.0, 660, 880].map { TonedMember(mixer: mixer, frequency: $0) }
        for _ in 0..<3 {
            for index in talkers.indices { talkers[index].speak(into: mixer) }
            mixer.tick()
        }
        // Three started-talking events and one floor change, for a queue of two.
        #expect(Self.events(of: mixer).count == 2)
        #expect(mixer.droppedEventCount == 2)
    }
}
