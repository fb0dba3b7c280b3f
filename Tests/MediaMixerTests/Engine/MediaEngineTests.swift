import MediaMixer
import MediaTesting
import SIPTesting
import Synchronization
import Testing

/// The media engine end to end: RTP peers on loopback UDP, real codecs, audio checked by Goertzel.
@Suite("Media engine over loopback RTP", .serialized)
struct MediaEngineTests {
    /// The engine's events, collected from its creation on, so a test can wait for one while the
    /// engine runs and still get them all from ``TestRoom/finish()``.
    private final class EventCollector: Sendable {
        private final class List: Sendable {
            let events = Mutex<[MediaEngineEvent]>([])
        }

        private let list: List
        private let consumer: Task<Void, Never>

        init(_ events: AsyncStream<MediaEngineEvent>) {
            let list = List()
            self.list = list
            consumer = Task {
                for await event in events { list.events.withLock { $0.append(event) } }
            }
        }

        /// The events so far.
        var events: [MediaEngineEvent] { list.events.withLock { $0 } }

        /// Every event, once the engine's stream has ended (after its shutdown).
        func all() async -> [MediaEngineEvent] {
            await consumer.value
            return events
        }
    }

    /// A room with one RTP test peer per member.
    private struct TestRoom {
        let engine: MediaEngine
        let collector: EventCollector
        let room: MediaRoomID
        var peers: [RTPTestPeer] = []
        var members: [MediaMemberID] = []
        /// The engine's local RTP port of each member.
        var ports: [Int] = []

        init(rate: Int, sharedEncoding: Bool = true) throws {
            engine = MediaEngine()
            collector = EventCollector(engine.events)
            room = try engine.createRoom(MediaRoomSettings(sampleRate: rate, sharedEncoding: sharedEncoding))
        }

        /// Adds a peer sending `tone` in `codec`; `advertisedPort` overrides the port put in "SDP".
        mutating func join(
            _ codec: AudioCodecKind,
            tone: Double?,
            impairment: NetworkImpairment = .none,
            advertisedPort: Int? = nil,
            mediaTimeout: Duration? = nil,
            detectsInBandDTMF: Bool = false,
            ptime: Int = 20
        ) throws {
            let peer = try RTPTestPeer(codec: codec, toneFrequency: tone, impairment: impairment, ptime: ptime)
            let stream = RTPStreamSettings(
                codec: codec, payloadType: peer.payloadType, localAddress: "127.0.0.1",
                remoteAddress: "127.0.0.1", remotePort: advertisedPort ?? peer.localPort,
                jitterCompensation: .milliseconds(impairment.jitter == .zero ? 40 : 120),
                mediaTimeout: mediaTimeout, detectsInBandDTMF: detectsInBandDTMF
            )
            let (member, port) = try engine.addMember(to: room, stream: stream)
            peer.start(sendingTo: port)
            peers.append(peer)
            members.append(member)
            ports.append(port)
        }

        /// Stops everything and returns the events the engine reported.
        func finish() async -> [MediaEngineEvent] {
            for peer in peers { peer.stop() }
            engine.shutdown()
            return await collector.all()
        }

        /// Waits until the engine's tick counter has moved `count` ticks on from now: the clock
        /// applies queued commands (a move, an update) on its next tick.
        func waitForTicks(_ count: Int) async throws {
            let start = engine.statistics.ticks
            try await eventually("the engine to tick \(count) times") { engine.statistics.ticks >= start + count }
        }

        /// Waits until the engine's tick counter stands still (two looks 60 ms apart agree, three
        /// ticks' time), and returns it.
        func quiescentTicks() async throws -> Int {
            var last = -1
            return try await eventuallyValue("the engine's clock to stop", pollingEvery: .milliseconds(60)) {
                let ticks = engine.statistics.ticks
                defer { last = ticks }
                return ticks == last ? ticks : nil
            }
        }
    }

    private static let tones: [Double] = [440, 660, 880]

    /// The tones (of `candidates`) peer `peer` heard in its last 600 ms of audio.
    private func heardTones(_ peer: RTPTestPeer, among candidates: [Double] = tones, threshold: Double = 0.15) -> [Double] {
        let audio = peer.receivedAudio(last: .milliseconds(600))
        let detector = GoertzelDetector(sampleRate: Double(peer.codec.sampleRate))
        return candidates.filter { detector.relativePower(of: $0, in: audio) >= threshold }
    }

    /// The digits the engine reported for `member`, in order.
    private func digits(of member: MediaMemberID, in events: [MediaEngineEvent]) -> [Character] {
        events.compactMap { event in
            if case .digit(_, let reported, let digit) = event, reported == member { return digit }
            return nil
        }
    }

    private func rms(_ samples: [Int16]) -> Double {
        guard !samples.isEmpty else { return 0 }
        return (samples.reduce(0.0) { $0 + Double($1) * Double($1) } / Double(samples.count)).squareRoot()
    }

    @Test("PCMU, G.722 and Opus peers in one room each hear exactly the two others", arguments: [16_000, 48_000])
    func threeCodecsHearEachOther(rate: Int) async throws {
        var room = try TestRoom(rate: rate)
        let codecs: [AudioCodecKind] = [.pcmu, .g722, .opus]
        for (codec, tone) in zip(codecs, Self.tones) { try room.join(codec, tone: tone) }
        let peers = room.peers
        try await eventually("every peer to hear exactly the two others") {
            peers.indices.allSatisfy { index in
                heardTones(peers[index]) == Self.tones.enumerated().filter { $0.offset != index }.map(\.element)
            }
        }
        let statistics = room.engine.statistics
        _ = await room.finish()
        for (index, peer) in room.peers.enumerated() {
            let expected = Self.tones.enumerated().filter { $0.offset != index }.map(\.element)
            #expect(heardTones(peer) == expected, "peer \(index) (\(peer.codec))")
        }
        // Late ticks depend on how busy the test machine is and are the benchmark's figure; a
        // missed tick would be a gap in everyone's audio.
        #expect(statistics.missedTicks == 0)
    }

    @Test("An engine whose rooms have no members never ticks; the clock starts with the first member and stops after the last")
    func idleRoomsCostNothing() async throws {
        var room = try TestRoom(rate: 16_000)
        // Creating the room is a command: the clock wakes for the one tick that applies it, then sleeps.
        let afterCreate = try await room.quiescentTicks()
        #expect(afterCreate <= 1)
        // The 300 ms stretches below are what is measured: no tick in them while idle, and
        // at least ten (of fifteen) while a member is in.
        try await Task.sleep(for: .milliseconds(300))
        #expect(room.engine.statistics.ticks == afterCreate)
        try room.join(.pcmu, tone: 440)
        try await Task.sleep(for: .milliseconds(300))
        let ticking = room.engine.statistics.ticks
        #expect(ticking >= 10)
        room.engine.removeMember(room.members[0], from: room.room)
        let afterLeave = try await room.quiescentTicks()
        try await Task.sleep(for: .milliseconds(300))
        #expect(room.engine.statistics.ticks == afterLeave)
        _ = await room.finish()
    }

    @Test("A muted member's tone leaves the others' mix")
    func muteRemovesTone() async throws {
        var room = try TestRoom(rate: 8_000)
        for tone in Self.tones { try room.join(.pcmu, tone: tone) }
        room.engine.setMuted(true, member: room.members[0], in: room.room)
        try await eventually("the others to hear all but the muted member") {
            heardTones(room.peers[1]) == [880] && heardTones(room.peers[2]) == [660] && heardTones(room.peers[0]) == [660, 880]
        }
        _ = await room.finish()
        #expect(heardTones(room.peers[1]) == [880])
        #expect(heardTones(room.peers[2]) == [660])
        #expect(heardTones(room.peers[0]) == [660, 880])
    }

    @Test("A deaf member hears silence while the others still hear everyone")
    func deafSilencesMember() async throws {
        var room = try TestRoom(rate: 16_000)
        for tone in Self.tones { try room.join(.g722, tone: tone) }
        room.engine.setDeaf(true, member: room.members[0], in: room.room)
        try await eventually("the deaf member to hear silence while member 1 hears the others") {
            let deafAudio = room.peers[0].receivedAudio(last: .milliseconds(600))
            return !deafAudio.isEmpty && rms(deafAudio) < 50 && heardTones(room.peers[1]) == [440, 880]
        }
        _ = await room.finish()
        let deafAudio = room.peers[0].receivedAudio(last: .milliseconds(600))
        #expect(!deafAudio.isEmpty)
        #expect(rms(deafAudio) < 50)
        #expect(heardTones(room.peers[1]) == [440, 880])
    }

    @Test("A prompt played to one member reaches only that member")
    func promptReachesOnlyItsMember() async throws {
        var room = try TestRoom(rate: 16_000)
        for _ in 0..<3 { try room.join(.pcmu, tone: nil) }
        room.engine.play(TonePrompt(frequency: 1_000, sampleRate: 16_000, duration: .seconds(3)), to: room.members[1], in: room.room)
        try await eventually("member 1, and only member 1, to hear the prompt") {
            heardTones(room.peers[1], among: [1_000]) == [1_000]
                && heardTones(room.peers[0], among: [1_000]).isEmpty && heardTones(room.peers[2], among: [1_000]).isEmpty
        }
        _ = await room.finish()
        #expect(heardTones(room.peers[1], among: [1_000]) == [1_000])
        #expect(heardTones(room.peers[0], among: [1_000]).isEmpty)
        #expect(heardTones(room.peers[2], among: [1_000]).isEmpty)
    }

    @Test("A phone replaced by another that starts the same SSRC's sequence over keeps being heard")
    func restartedSequenceUnderSameSSRC() async throws {
        var room = try TestRoom(rate: 8_000)
        try room.join(.pcmu, tone: 440)
        try room.join(.pcmu, tone: nil)
        try await eventually("the second phone to hear the first") { heardTones(room.peers[1], among: [440, 660]) == [440] }
        #expect(heardTones(room.peers[1], among: [440, 660]) == [440])
        // Test peers share one seed, so the replacement sends with the first phone's SSRC and from
        // its first sequence number and timestamp: a second behind what the engine already played.
        room.peers[0].stop()
        let replacement = try RTPTestPeer(codec: .pcmu, toneFrequency: 660)
        replacement.start(sendingTo: room.ports[0])
        room.peers.append(replacement)
        try await eventually("the second phone to hear the replacement") { heardTones(room.peers[1], among: [440, 660]) == [660] }
        _ = await room.finish()
        #expect(heardTones(room.peers[1], among: [440, 660]) == [660])
    }

    @Test("A prompt played to the room but one member reaches everyone else")
    func promptToRoomButOne() async throws {
        var room = try TestRoom(rate: 8_000)
        try room.join(.pcmu, tone: 440)
        for _ in 0..<2 { try room.join(.pcmu, tone: nil) }
        room.engine.play(TonePrompt(frequency: 1_000, sampleRate: 8_000, duration: .seconds(3)), toRoomExcept: room.members[1], in: room.room)
        try await eventually("everyone but member 1 to hear the prompt") {
            heardTones(room.peers[0], among: [440, 1_000]) == [1_000] && heardTones(room.peers[1], among: [440, 1_000]) == [440]
                && heardTones(room.peers[2], among: [440, 1_000]) == [440, 1_000]
        }
        _ = await room.finish()
        #expect(heardTones(room.peers[0], among: [440, 1_000]) == [1_000])
        #expect(heardTones(room.peers[1], among: [440, 1_000]) == [440])
        #expect(heardTones(room.peers[2], among: [440, 1_000]) == [440, 1_000])
    }

    @Test("RFC 4733 digits from a peer are reported once each, in order")
    func digitsAreReportedOnce() async throws {
        var room = try TestRoom(rate: 8_000)
        try room.join(.pcmu, tone: 440)
        try room.join(.pcmu, tone: 660)
        room.peers[0].sendDigits("19#*")
        try await eventually("the engine to report 1, 9, #, *") { digits(of: room.members[0], in: room.collector.events).count >= 4 }
        #expect(digits(of: room.members[0], in: await room.finish()) == ["1", "9", "#", "*"])
    }

    @Test("With 10 % loss and 60 ms jitter the tones still come through and no tick is late")
    func lossAndJitter() async throws {
        var room = try TestRoom(rate: 48_000)
        let impairment = NetworkImpairment(lossRate: 0.1, jitter: .milliseconds(60))
        try room.join(.pcmu, tone: 440, impairment: impairment)
        try room.join(.opus, tone: 660, impairment: impairment)
        try room.join(.g722, tone: 880, impairment: impairment)
        try await eventually("every peer to hear its neighbour's tone, after more than 50 ticks") {
            heardTones(room.peers[0], among: [660, 1_000], threshold: 0.08) == [660]
                && heardTones(room.peers[1], among: [880, 1_000], threshold: 0.08) == [880]
                && heardTones(room.peers[2], among: [440, 1_000], threshold: 0.08) == [440]
                && room.engine.statistics.ticks > 50
        }
        let statistics = room.engine.statistics
        _ = await room.finish()
        // Concealed frames carry less of a tone than received ones, hence the lower threshold; a tone
        // that was never sent stays far below it.
        #expect(heardTones(room.peers[0], among: [660, 1_000], threshold: 0.08) == [660])
        #expect(heardTones(room.peers[1], among: [880, 1_000], threshold: 0.08) == [880])
        #expect(heardTones(room.peers[2], among: [440, 1_000], threshold: 0.08) == [440])
        #expect(statistics.ticks > 50)
        #expect(statistics.missedTicks == 0)
    }

    @Test("A peer whose SDP port is wrong gets audio once it sends (symmetric RTP)")
    func symmetricLatching() async throws {
        var room = try TestRoom(rate: 8_000)
        let unreachable = try RTPTestPeer(codec: .pcmu, toneFrequency: nil)
        try room.join(.pcmu, tone: 440, advertisedPort: unreachable.localPort)
        try room.join(.pcmu, tone: 660)
        try await eventually("the latched peer to hear the other") { heardTones(room.peers[0]) == [660] }
        _ = await room.finish()
        #expect(unreachable.receivedPackets == 0)
        #expect(heardTones(room.peers[0]) == [660])
    }

    @Test("A peer that changes SSRC mid-stream keeps being heard")
    func ssrcChangeKeepsAudio() async throws {
        var room = try TestRoom(rate: 16_000)
        try room.join(.opus, tone: 440)
        try room.join(.pcmu, tone: 660)
        try await eventually("member 1 to hear member 0") { heardTones(room.peers[1]) == [440] }
        room.peers[0].changeSSRC()
        try await eventually("the engine to report member 0's new source, still heard") {
            heardTones(room.peers[1]) == [440] && room.collector.events.contains { event in
                if case .sourceChanged(_, let member, _) = event { return member == room.members[0] }
                return false
            }
        }
        let events = await room.finish()
        #expect(heardTones(room.peers[1]) == [440])
        #expect(events.contains { event in
            if case .sourceChanged(_, let member, _) = event { return member == room.members[0] }
            return false
        })
    }

    @Test("A peer that stops sending is reported once, after the stream's media timeout")
    func mediaTimeoutIsReportedOnce() async throws {
        var room = try TestRoom(rate: 8_000)
        try room.join(.pcmu, tone: 440, mediaTimeout: .milliseconds(300))
        try room.join(.pcmu, tone: 660, mediaTimeout: .milliseconds(300))
        try await eventually("both members to hear each other") { heardTones(room.peers[0]) == [660] && heardTones(room.peers[1]) == [440] }
        room.peers[0].setSendingAudio(false)
        let stopped = ContinuousClock.now
        // The report, and then the rest of a second (three timeouts) in which it must not come again.
        try await eventually("the engine to report member 0's media timeout, a second after it stopped") {
            ContinuousClock.now - stopped >= .seconds(1) && room.collector.events.contains { event in
                if case .mediaTimedOut(_, let member) = event { return member == room.members[0] }
                return false
            }
        }
        let events = await room.finish()
        let timedOut = events.compactMap { event -> MediaMemberID? in
            if case .mediaTimedOut(_, let member) = event { return member }
            return nil
        }
        #expect(timedOut == [room.members[0]], "only the silent peer, and only once")
    }

    @Test("A stream update moves a member to another codec and address without leaving the room")
    func streamUpdateSwitchesCodecAndAddress() async throws {
        var room = try TestRoom(rate: 16_000)
        try room.join(.pcmu, tone: 440)
        try room.join(.pcmu, tone: 660)
        try await eventually("member 1 to hear member 0") { heardTones(room.peers[1]) == [440] }
        #expect(heardTones(room.peers[1]) == [440])
        // The first phone re-INVITEs: G.722 from a new port, as after a transfer or a codec change.
        let moved = try RTPTestPeer(codec: .g722, toneFrequency: 880)
        room.engine.updateStream(
            of: room.members[0], in: room.room,
            to: RTPStreamSettings(
                codec: .g722, payloadType: moved.payloadType, localAddress: "127.0.0.1",
                remoteAddress: "127.0.0.1", remotePort: moved.localPort, jitterCompensation: .milliseconds(40)))
        room.peers[0].stop()
        moved.start(sendingTo: room.ports[0])
        try await eventually("member 1 to hear the new stream and the new address to hear the room") {
            heardTones(room.peers[1]) == [880] && heardTones(moved, among: Self.tones + [1_000]) == [660]
        }
        let statistics = room.engine.statistics
        _ = await room.finish()
        moved.stop()
        #expect(heardTones(room.peers[1]) == [880], "the other member hears the new stream, decoded as G.722")
        #expect(heardTones(moved, among: Self.tones + [1_000]) == [660], "the new address hears the room")
        #expect(statistics.missedTicks == 0)
    }

    @Test("Keys dialled as tones by a phone without RFC 4733 are reported as digits")
    func inBandDigitsAreReported() async throws {
        var room = try TestRoom(rate: 16_000)
        try room.join(.pcmu, tone: nil, detectsInBandDTMF: true)
        try room.join(.pcmu, tone: 660)
        room.peers[0].sendInBandDigits("42#")
        try await eventually("the engine to report 4, 2, #") { digits(of: room.members[0], in: room.collector.events).count >= 3 }
        #expect(digits(of: room.members[0], in: await room.finish()) == ["4", "2", "#"])
    }

    @Test("A member moved with in-band detection switched off reports no tones as keys; moved as it was, it still does", arguments: [false, true])
    func movedMemberKeepsOrDropsInBandDetection(keepsDetection: Bool) async throws {
        var room = try TestRoom(rate: 8_000)
        try room.join(.pcmu, tone: nil, detectsInBandDTMF: true)
        let conference = try room.engine.createRoom(MediaRoomSettings(sampleRate: 8_000))
        try room.engine.moveMember(
            room.members[0], from: room.room, to: conference, detectsInBandDTMF: keepsDetection ? nil : false)
        // The move is a command: the clock applies it on its next tick.
        try await room.waitForTicks(2)
        room.peers[0].sendInBandDigits("58")
        if keepsDetection {
            try await eventually("the engine to report 5, 8") { digits(of: room.members[0], in: room.collector.events).count >= 2 }
        } else {
            // Nothing is to come: the second is the stretch in which no key may be reported (the
            // two keys take 320 ms to dial).
            try await Task.sleep(for: .milliseconds(1_000))
        }
        #expect(digits(of: room.members[0], in: await room.finish()) == (keepsDetection ? ["5", "8"] : []))
    }

    @Test("Keys dialled as tones by a wideband phone (G.722, Opus) are brought to 8 kHz and reported", arguments: [AudioCodecKind.g722, .opus])
    func wideBandInBandDigitsAreReported(codec: AudioCodecKind) async throws {
        var room = try TestRoom(rate: 16_000)
        try room.join(codec, tone: nil, detectsInBandDTMF: true)
        try room.join(.pcmu, tone: 660)
        room.peers[0].sendInBandDigits("7*0")
        try await eventually("the engine to report 7, *, 0") { digits(of: room.members[0], in: room.collector.events).count >= 3 }
        #expect(digits(of: room.members[0], in: await room.finish()) == ["7", "*", "0"])
    }

    @Test("Phones sending 30 ms (PCMU) and 40 ms (G.722) packets are heard without gaps in a 20 ms mix")
    func longerPacketsAreMixedWithoutGaps() async throws {
        var room = try TestRoom(rate: 16_000)
        try room.join(.pcmu, tone: 440, ptime: 30)
        try room.join(.g722, tone: 880, ptime: 40)
        try room.join(.pcmu, tone: nil)
        try await eventually("the listener to hear both tones in every 20 ms of its last 600 ms") {
            let audio = room.peers[2].receivedAudio(last: .milliseconds(600))
            let frames = stride(from: 0, to: audio.count - 159, by: 160).map { rms(Array(audio[$0..<$0 + 160])) }
            return heardTones(room.peers[2], among: [440, 880, 1_000], threshold: 0.2) == [440, 880]
                && frames.count >= 25 && frames.allSatisfy { $0 > 1_000 }
        }
        let statistics = room.engine.statistics
        _ = await room.finish()
        let listener = room.peers[2]
        #expect(heardTones(listener, among: [440, 880, 1_000], threshold: 0.2) == [440, 880])
        // Every 20 ms of the last 600 ms carries sound: a packet mixed only once in two or three
        // ticks would leave silent (or concealed, fading) frames.
        let audio = listener.receivedAudio(last: .milliseconds(600))
        let frames = stride(from: 0, to: audio.count - 159, by: 160).map { rms(Array(audio[$0..<$0 + 160])) }
        #expect(frames.count >= 25)
        #expect(frames.allSatisfy { $0 > 1_000 }, "frame levels: \(frames.map { Int($0) })")
        #expect(statistics.missedTicks == 0)
    }

    @Test("A member on hold is sent nothing; after the hold the stream resumes with the marker bit")
    func holdStopsSendingAndResumeMarksTheTalkspurt() async throws {
        var room = try TestRoom(rate: 8_000)
        try room.join(.pcmu, tone: 440)
        try room.join(.pcmu, tone: nil)
        let listener = room.peers[1]
        func stream(sending: Bool) -> RTPStreamSettings {
            RTPStreamSettings(
                codec: .pcmu, payloadType: listener.payloadType, localAddress: "127.0.0.1", remoteAddress: "127.0.0.1",
                remotePort: listener.localPort, jitterCompensation: .milliseconds(40), sendsMedia: sending)
        }
        try await eventually("the listener to hear the tone") { heardTones(listener) == [440] }
        room.engine.updateStream(of: room.members[1], in: room.room, to: stream(sending: false))
        // Packets sent before the hold may still be on their way: wait until two looks 100 ms apart agree.
        var lastCount = -1
        let packetsOnHold = try await eventuallyValue("the engine to stop sending to the held member", pollingEvery: .milliseconds(100)) {
            let count = listener.receivedPackets
            defer { lastCount = count }
            return count == lastCount ? count : nil
        }
        // The hold is under test: nothing may arrive in these 600 ms.
        try await Task.sleep(for: .milliseconds(600))
        #expect(listener.receivedPackets - packetsOnHold <= 1, "nothing is sent during the hold")
        room.engine.updateStream(of: room.members[1], in: room.room, to: stream(sending: true))
        try await eventually("the stream to resume with a marked packet and the tone") {
            listener.receivedMarkers >= 2 && heardTones(listener) == [440]
        }
        _ = await room.finish()
        #expect(listener.receivedMarkers == 2, "the stream's first packet and the first after the hold")
        #expect(heardTones(listener) == [440])
    }
}
