import Foundation
import MediaTesting
import SIPCore
import SIPTesting
import Testing

/// `parley-bridge`'s media rules against the real binary: the RTP timeout, re-INVITEs that change
/// codec, address or direction, the participant limit, and keys dialled in-band. Each test has a
/// bridge of its own, so they run side by side (the session-timer test alone takes a minute).
@Suite("parley-bridge media")
struct ParleyBridgeMediaTests {
    private static let aliceTone = 440.0
    private static let bobTone = 1000.0
    private static let movedTone = 700.0

    /// A bridge whose calls to `77<room>` (or what `pattern` matches, less `strip` characters) go
    /// straight into `<room>`, with `extra` YAML lines.
    private static func directRoomBridge(
        _ extra: String = "", pattern: String = "^77", strip: Int = 2, arguments: [String] = []
    ) async throws -> ParleyBridgeServer {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bridge-\(UUID().uuidString).yaml")
        try """
            dial-in:
              direct-room-pattern: "\(pattern)"
              direct-room-strip: \(strip)
            \(extra)
            """.write(to: config, atomically: true, encoding: .utf8)
        return try await ParleyBridgeServer(extraArguments: ["--config", config.path] + arguments)
    }

    /// Alice sending 440 Hz and Bob sending 1000 Hz, both called to `user`.
    private static func aliceAndBob(dialling user: String, server: ParleyBridgeServer) async throws
        -> (ParleyBridgeCaller, ParleyBridgeCaller)
    {
        let alice = try await ParleyBridgeCaller(name: "alice", toneFrequency: aliceTone)
        let bob = try await ParleyBridgeCaller(name: "bob", toneFrequency: bobTone)
        try await alice.dial(user: user, port: server.sipPort)
        try await bob.dial(user: user, port: server.sipPort)
        return (alice, bob)
    }

    /// Hangs up every caller (a call that already ended ignores it) and closes them.
    private static func hangUp(_ callers: ParleyBridgeCaller...) async {
        await hangUp(callers)
    }

    private static func hangUp(_ callers: [ParleyBridgeCaller]) async {
        for caller in callers {
            await caller.hangUpAndWait()
            await caller.shutdown()
        }
    }

    private static func heard(_ caller: ParleyBridgeCaller, among tones: [Double], last: Duration = .milliseconds(400)) -> [Double] {
        GoertzelDetector(sampleRate: Double(caller.peer.codec.sampleRate))
            .presentFrequencies(among: tones, in: caller.peer.receivedAudio(last: last))
    }

    @Test("Room events in order: joins, talking and floor, mute, unmute, kick, finished (the debug log shows them)")
    func roomEventsComeOutInOrder() async throws {
        let server = try await Self.directRoomBridge(arguments: ["--log-level", "debug"])
        defer { server.process.stop() }
        // Only alice talks, so the floor can only go to her; she starts once both have joined, so
        // that the joins come out first however long bob's call takes to set up.
        let alice = try await ParleyBridgeCaller(name: "alice", toneFrequency: Self.aliceTone)
        let bob = try await ParleyBridgeCaller(name: "bob", toneFrequency: nil)
        alice.peer.setSendingAudio(false)
        try await alice.dial(user: "774246", port: server.sipPort)
        try await bob.dial(user: "774246", port: server.sipPort)
        let rows = try #require(try await server.waitForParticipant(room: "4246", adminPIN: "", timeout: .seconds(5)) { $0[1] as? String == "sip:bob@127.0.0.1" })
        let bobTag = try #require(rows[0] as? String)
        let aliceTag = try #require(try await server.participants(room: "4246", adminPIN: "").first { $0[1] as? String == "sip:alice@127.0.0.1" }?[0] as? String)
        _ = try await server.process.waitForLine(containing: "room 4246: participant \(bobTag) (sip:bob@127.0.0.1) joined", within: .seconds(10))
        alice.peer.setSendingAudio(true)
        // Alice's talking and the floor come out before the commands below.
        _ = try await server.process.waitForLine(containing: "room 4246: floor to \(aliceTag)", within: .seconds(10))
        for method in ["mute", "unmute", "kickout"] {
            _ = try await server.xmlrpc(method, ["4246", "", method == "kickout" ? bobTag : aliceTag])
        }
        _ = try await server.waitForParticipant(room: "4246", adminPIN: "", timeout: .seconds(5)) { $0[0] as? String == bobTag && $0[2] as? Int == 5 }
        let expected = [
            "room 4246: opened",
            "room 4246: participant \(aliceTag) (sip:alice@127.0.0.1) joined: connected \"direct access: entered\"",
            "room 4246: participant \(bobTag) (sip:bob@127.0.0.1) joined: connected \"direct access: entered\"",
            "room 4246: participant \(aliceTag) started talking",
            "room 4246: floor to \(aliceTag)",
            "room 4246: participant \(aliceTag) muted",
            "room 4246: participant \(aliceTag) unmuted",
            "room 4246: participant \(bobTag) kicked",
            "room 4246: participant \(bobTag) is disconnecting \"disconnect\"",
            "room 4246: participant \(bobTag) is finished \"\"",
        ]
        let output = server.process.output
        var searchFrom = output.startIndex
        for line in expected {
            let found = output.range(of: line, range: searchFrom..<output.endIndex)
            #expect(found != nil, "missing, or out of order: \(line)\noutput:\n\(output)")
            if let found { searchFrom = found.upperBound }
        }
        await Self.hangUp(alice, bob)
    }

    @Test("A caller whose RTP stops is hung up after media.rtp-timeout; the others stay")
    func rtpTimeoutEndsASilentCall() async throws {
        let server = try await Self.directRoomBridge("media:\n  rtp-timeout: 1")
        defer { server.process.stop() }
        let (alice, bob) = try await Self.aliceAndBob(dialling: "774242", server: server)
        try await eventually("bob to hear alice, so her RTP reaches the bridge") { Self.heard(bob, among: [Self.aliceTone]) == [Self.aliceTone] }
        alice.peer.setSendingAudio(false)
        let ended = await alice.waitUntilEnded(timeout: .seconds(5))
        #expect(ended == .remoteHangUp, "the bridge should BYE the silent caller; output:\n\(server.process.output)")
        #expect(server.process.output.contains("sent no RTP"))
        let rows = try await server.participants(room: "4242", adminPIN: "")
        #expect(rows.first { $0[1] as? String == "sip:bob@127.0.0.1" }?[2] as? Int == 3, "bob keeps talking and stays connected")
        await Self.hangUp(alice, bob)
    }

    @Test("A re-INVITE to G.722 from a new port: the room hears the new stream, the caller hears the room")
    func reInviteChangesCodecAndAddress() async throws {
        let server = try await Self.directRoomBridge()
        defer { server.process.stop() }
        let (alice, bob) = try await Self.aliceAndBob(dialling: "774243", server: server)
        let tones = [Self.aliceTone, Self.bobTone, Self.movedTone]
        try await eventually("bob to hear alice") { Self.heard(bob, among: tones) == [Self.aliceTone] }
        #expect(Self.heard(bob, among: tones) == [Self.aliceTone])

        let moved = try RTPTestPeer(codec: .g722, toneFrequency: Self.movedTone, telephoneEventPayloadType: 96)
        let answer = try await alice.reoffer(movingTo: moved, version: 2)
        #expect(answer.codec == .g722)
        try await eventually("bob to hear alice's new stream and alice's new port to hear bob", detail: { "output:\n\(server.process.output)" }) {
            Self.heard(bob, among: tones) == [Self.movedTone] && Self.heard(alice, among: tones) == [Self.bobTone]
        }
        #expect(Self.heard(bob, among: tones) == [Self.movedTone], "bob hears alice's new G.722 stream; output:\n\(server.process.output)")
        #expect(Self.heard(alice, among: tones) == [Self.bobTone], "alice's new port hears bob, in G.722")
        #expect(try await server.participants(room: "4243", adminPIN: "").count == 2, "alice never left the room")
        await Self.hangUp(alice, bob)
    }

    @Test("On hold (a=inactive) a caller is sent nothing and not timed out; resumed, both directions come back")
    func holdSuspendsMediaAndTimeout() async throws {
        let server = try await Self.directRoomBridge("media:\n  rtp-timeout: 1")
        defer { server.process.stop() }
        let (alice, bob) = try await Self.aliceAndBob(dialling: "774244", server: server)
        try await eventually("bob to hear alice") { Self.heard(bob, among: [Self.aliceTone]) == [Self.aliceTone] }

        let hold = try await alice.reoffer(direction: .inactive, version: 2)
        #expect(hold.direction == .inactive)
        alice.peer.setSendingAudio(false)
        // Packets sent before the hold may still be on their way: wait until two looks 150 ms apart agree.
        var lastCount = -1
        let packetsAtHold = try await eventuallyValue("the bridge to stop sending to alice on hold", within: .seconds(5), pollingEvery: .milliseconds(150)) {
            let count = alice.peer.receivedPackets
            defer { lastCount = count }
            return count == lastCount ? count : nil
        }
        // The hold itself is under test: for 2 s, twice the RTP timeout, nothing is sent and the call stays.
        try await Task.sleep(for: .milliseconds(2000))
        #expect(alice.peer.receivedPackets - packetsAtHold <= 2, "nothing is sent to a caller on hold")
        let rows = try await server.participants(room: "4244", adminPIN: "")
        #expect(rows.first { $0[1] as? String == "sip:alice@127.0.0.1" }?[2] as? Int == 3,
                "a held call is not ended by the RTP timeout; output:\n\(server.process.output)")

        let resume = try await alice.reoffer(direction: .sendrecv, version: 3)
        #expect(resume.direction == .sendrecv)
        alice.peer.setSendingAudio(true)
        try await eventually("alice and bob to hear each other after the hold") {
            Self.heard(alice, among: [Self.aliceTone, Self.bobTone]) == [Self.bobTone]
                && Self.heard(bob, among: [Self.aliceTone, Self.bobTone]) == [Self.aliceTone]
        }
        #expect(Self.heard(alice, among: [Self.aliceTone, Self.bobTone]) == [Self.bobTone])
        #expect(Self.heard(bob, among: [Self.aliceTone, Self.bobTone]) == [Self.aliceTone])
        await Self.hangUp(alice, bob)
    }

    @Test("rooms.max-participants: a third caller hears room_full and is hung up; a dial-out is refused")
    func maximumParticipants() async throws {
        let server = try await Self.directRoomBridge("rooms:\n  max-participants: 2")
        defer { server.process.stop() }
        let callers = [
            try await ParleyBridgeCaller(name: "alice", toneFrequency: Self.aliceTone),
            try await ParleyBridgeCaller(name: "bob", toneFrequency: Self.bobTone),
            try await ParleyBridgeCaller(name: "carol", toneFrequency: nil),
        ]
        for caller in callers { try await caller.dial(user: "774245", port: server.sipPort) }
        let ended = await callers[2].waitUntilEnded(timeout: .seconds(5))
        #expect(ended == .remoteHangUp, "output:\n\(server.process.output)")
        #expect(server.process.output.contains("room 4245 is full"))
        // The test prompt set's room_full is a 2 kHz tone: carol heard it before the BYE.
        #expect(GoertzelDetector(sampleRate: 8000).presentFrequencies(among: [2000], in: callers[2].peer.receivedAudio) == [2000])
        let rows = try await server.participants(room: "4245", adminPIN: "")
        #expect(rows.map { $0[1] as? String } == ["sip:alice@127.0.0.1", "sip:bob@127.0.0.1"])
        let dialOut = try #require(try await server.xmlrpc(
            "dialout", ["4245", "", "dave", "bridge", "127.0.0.1", "", ""]) as? [Any])
        #expect(dialOut[0] as? Int == 1)
        #expect(dialOut[1] as? String == "room is full")
        await Self.hangUp(callers)
    }

    /// The strongest share of `frequency` in any 80 ms of what `caller` heard after the first
    /// `skipping` samples: a 100 ms prompt is found wherever it falls.
    private static func strongestShare(of frequency: Double, heardBy caller: ParleyBridgeCaller, skipping: Int = 0) -> Double {
        let rate = caller.peer.codec.sampleRate
        let audio = Array(caller.peer.receivedAudio.dropFirst(skipping))
        let detector = GoertzelDetector(sampleRate: Double(rate))
        let block = rate * 80 / 1000
        return stride(from: 0, to: max(0, audio.count - block), by: rate / 50)
            .map { detector.relativePower(of: frequency, in: Array(audio[$0..<$0 + block])) }
            .max() ?? 0
    }

    @Test("Join and drop beeps: those in the room hear them, the joiner does not")
    func joinAndDropBeeps() async throws {
        let server = try await Self.directRoomBridge()
        defer { server.process.stop() }
        // The test prompt set's beep (and every other prompt) is 100 ms of 2 kHz.
        let beep = 2000.0
        let alice = try await ParleyBridgeCaller(name: "alice", toneFrequency: Self.aliceTone)
        let bob = try await ParleyBridgeCaller(name: "bob", toneFrequency: nil)
        let carol = try await ParleyBridgeCaller(name: "carol", toneFrequency: nil)
        try await alice.dial(user: "774246", port: server.sipPort)
        // Alone, alice hears first_participant; let it end before anyone joins.
        let detector = GoertzelDetector(sampleRate: 8000)
        try await eventually("alice to hear first_participant to its end") {
            Self.strongestShare(of: beep, heardBy: alice) > 0.5
                && detector.relativePower(of: beep, in: alice.peer.receivedAudio(last: .milliseconds(100))) < 0.05
        }
        var heardByAlice = alice.peer.receivedAudio.count
        try await bob.dial(user: "774246", port: server.sipPort)
        try await eventually("alice to hear bob's join beep and bob to hear alice") {
            Self.strongestShare(of: beep, heardBy: alice, skipping: heardByAlice) > 0.5
                && Self.heard(bob, among: [Self.aliceTone], last: .milliseconds(500)) == [Self.aliceTone]
        }
        #expect(Self.strongestShare(of: beep, heardBy: alice, skipping: heardByAlice) > 0.5, "alice hears bob's join beep")
        #expect(Self.strongestShare(of: beep, heardBy: bob) < 0.05, "bob, joining, hears no beep")
        #expect(Self.heard(bob, among: [Self.aliceTone], last: .milliseconds(500)) == [Self.aliceTone])
        var heardByBob = bob.peer.receivedAudio.count
        try await carol.dial(user: "774246", port: server.sipPort)
        try await eventually("bob to hear carol's join beep") { Self.strongestShare(of: beep, heardBy: bob, skipping: heardByBob) > 0.2 }
        #expect(Self.strongestShare(of: beep, heardBy: bob, skipping: heardByBob) > 0.2, "bob hears carol's join beep over alice")
        #expect(Self.strongestShare(of: beep, heardBy: carol) < 0.05, "carol, joining, hears no beep")
        heardByAlice = alice.peer.receivedAudio.count
        heardByBob = bob.peer.receivedAudio.count
        await Self.hangUp(carol)
        try await eventually("alice and bob to hear carol's drop beep") {
            Self.strongestShare(of: beep, heardBy: alice, skipping: heardByAlice) > 0.5
                && Self.strongestShare(of: beep, heardBy: bob, skipping: heardByBob) > 0.2
        }
        #expect(Self.strongestShare(of: beep, heardBy: alice, skipping: heardByAlice) > 0.5, "alice hears carol's drop beep")
        #expect(Self.strongestShare(of: beep, heardBy: bob, skipping: heardByBob) > 0.2, "so does bob")
        await Self.hangUp(alice, bob)
    }

    @Test("A phone without RFC 4733 types 1234# as tones and enters room 1234")
    func inBandDigitsEnterARoom() async throws {
        let server = try await ParleyBridgeServer()
        defer { server.process.stop() }
        let alice = try await ParleyBridgeCaller(name: "alice", toneFrequency: nil, offersTelephoneEvents: false)
        try await alice.dial(user: "conference", port: server.sipPort)
        try await eventually("the bridge's audio to reach alice") { alice.peer.receivedPackets > 0 }
        alice.peer.sendInBandDigits("1234#")
        let row = try await server.waitForParticipant(room: "1234", adminPIN: "") { $0[1] as? String == "sip:alice@127.0.0.1" }
        #expect(row?[2] as? Int == 3, "output:\n\(server.process.output)")
        #expect(row?[3] as? String == "entered")
        await Self.hangUp(alice)
    }

    @Test("Session timers with SIPp: the bridge refreshes by UPDATE at 45 s, and hangs up an unrefreshed call at 60 s")
    func sessionTimerRefreshAndExpiry() async throws {
        let server = try await Self.directRoomBridge("""
            session-timer:
              enabled: true
              session-expires: 90
              minimum-timer: 90
            """, pattern: "^service$", strip: 0)
        defer { server.process.stop() }
        let sipp = try SIPp()
        let port = server.sipPort
        // Both calls at once: one minute of waiting, not two.
        func call(_ scenario: String) -> Task<SIPp.Run, any Error> {
            Task { try await sipp.run(scenario, port: port, transport: .udp, duration: 80) }
        }
        let refreshed = call("bridge-uac-session-refresh")
        let expired = call("bridge-uac-session-expiry")
        let refreshRun = try await refreshed.value
        let expiryRun = try await expired.value
        #expect(refreshRun.allCallsSucceeded, "\(refreshRun.outcome.output.suffix(1500))\n\(refreshRun.errors)")
        #expect(expiryRun.allCallsSucceeded, "\(expiryRun.outcome.output.suffix(1500))\n\(expiryRun.errors)\n\(server.process.output)")
    }
}
