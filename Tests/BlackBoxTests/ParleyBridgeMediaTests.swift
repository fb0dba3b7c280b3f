import Foundation
import MediaTesting
import SIPCore
import SIPTesting
import Testing

/// `parley-bridge`'s media rules against the real binary: the RTP timeout, re-INVITEs that change
/// codec, address or direction, the participant limit, and keys dialled in-band.
@Suite("parley-bridge media", .serialized)
struct ParleyBridgeMediaTests {
    private static let aliceTone = 440.0
    private static let bobTone = 1000.0
    private static let movedTone = 700.0

    /// A bridge whose calls to `77<room>` (or what `pattern` matches, less `strip` characters) go
    /// straight into `<room>`, with `extra` YAML lines.
    private static func directRoomBridge(
        _ extra: String = "", pattern: String = "^77", strip: Int = 2, arguments: [String] = []
    ) throws -> ParleyBridgeServer {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bridge-\(UUID().uuidString).yaml")
        try """
            dial-in:
              direct-room-pattern: "\(pattern)"
              direct-room-strip: \(strip)
            \(extra)
            """.write(to: config, atomically: true, encoding: .utf8)
        return try ParleyBridgeServer(extraArguments: ["--config", config.path] + arguments)
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
            caller.hangUp()
            await caller.shutdown()
        }
    }

    private static func heard(_ caller: ParleyBridgeCaller, among tones: [Double], last: Duration = .milliseconds(400)) -> [Double] {
        GoertzelDetector(sampleRate: Double(caller.peer.codec.sampleRate))
            .presentFrequencies(among: tones, in: caller.peer.receivedAudio(last: last))
    }

    @Test("Room events in order: joins, talking and floor, mute, unmute, kick, finished (the debug log shows them)")
    func roomEventsComeOutInOrder() async throws {
        let server = try Self.directRoomBridge(arguments: ["--log-level", "debug"])
        defer { server.process.stop() }
        // Only alice talks, so the floor can only go to her.
        let alice = try await ParleyBridgeCaller(name: "alice", toneFrequency: Self.aliceTone)
        let bob = try await ParleyBridgeCaller(name: "bob", toneFrequency: nil)
        try await alice.dial(user: "774246", port: server.sipPort)
        try await bob.dial(user: "774246", port: server.sipPort)
        let rows = try #require(try await server.participant(room: "4246", adminPIN: "", timeout: .seconds(5)) { $0[1] as? String == "sip:bob@127.0.0.1" })
        let bobTag = try #require(rows[0] as? String)
        let aliceTag = try #require(try server.participants(room: "4246", adminPIN: "").first { $0[1] as? String == "sip:alice@127.0.0.1" }?[0] as? String)
        try await Task.sleep(for: .milliseconds(800))
        for method in ["mute", "unmute", "kickout"] {
            _ = try server.xmlrpc(method, ["4246", "", method == "kickout" ? bobTag : aliceTag])
        }
        _ = try await server.participant(room: "4246", adminPIN: "", timeout: .seconds(5)) { $0[0] as? String == bobTag && $0[2] as? Int == 5 }
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
        let output = server.process.printed
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
        let server = try Self.directRoomBridge("media:\n  rtp-timeout: 1")
        defer { server.process.stop() }
        let (alice, bob) = try await Self.aliceAndBob(dialling: "774242", server: server)
        try await Task.sleep(for: .milliseconds(500))
        alice.peer.setSendingAudio(false)
        let ended = await alice.waitUntilEnded(timeout: .seconds(5))
        #expect(ended == .remoteHangUp, "the bridge should BYE the silent caller; output:\n\(server.process.printed)")
        #expect(server.process.printed.contains("sent no RTP"))
        let rows = try server.participants(room: "4242", adminPIN: "")
        #expect(rows.first { $0[1] as? String == "sip:bob@127.0.0.1" }?[2] as? Int == 3, "bob keeps talking and stays connected")
        await Self.hangUp(alice, bob)
    }

    @Test("A re-INVITE to G.722 from a new port: the room hears the new stream, the caller hears the room")
    func reInviteChangesCodecAndAddress() async throws {
        let server = try Self.directRoomBridge()
        defer { server.process.stop() }
        let (alice, bob) = try await Self.aliceAndBob(dialling: "774243", server: server)
        try await Task.sleep(for: .milliseconds(800))
        let tones = [Self.aliceTone, Self.bobTone, Self.movedTone]
        #expect(Self.heard(bob, among: tones) == [Self.aliceTone])

        let moved = try RTPTestPeer(codec: .g722, toneFrequency: Self.movedTone, telephoneEventPayloadType: 96)
        let answer = try await alice.reoffer(movingTo: moved, version: 2)
        #expect(answer.codec == .g722)
        try await Task.sleep(for: .milliseconds(1000))
        #expect(Self.heard(bob, among: tones) == [Self.movedTone], "bob hears alice's new G.722 stream; output:\n\(server.process.printed)")
        #expect(Self.heard(alice, among: tones) == [Self.bobTone], "alice's new port hears bob, in G.722")
        #expect(try server.participants(room: "4243", adminPIN: "").count == 2, "alice never left the room")
        await Self.hangUp(alice, bob)
    }

    @Test("On hold (a=inactive) a caller is sent nothing and not timed out; resumed, both directions come back")
    func holdSuspendsMediaAndTimeout() async throws {
        let server = try Self.directRoomBridge("media:\n  rtp-timeout: 1")
        defer { server.process.stop() }
        let (alice, bob) = try await Self.aliceAndBob(dialling: "774244", server: server)
        try await Task.sleep(for: .milliseconds(500))

        let hold = try await alice.reoffer(direction: .inactive, version: 2)
        #expect(hold.direction == .inactive)
        alice.peer.setSendingAudio(false)
        try await Task.sleep(for: .milliseconds(300))
        let packetsAtHold = alice.peer.receivedPackets
        try await Task.sleep(for: .milliseconds(2000))
        #expect(alice.peer.receivedPackets - packetsAtHold <= 2, "nothing is sent to a caller on hold")
        let rows = try server.participants(room: "4244", adminPIN: "")
        #expect(rows.first { $0[1] as? String == "sip:alice@127.0.0.1" }?[2] as? Int == 3,
                "a held call is not ended by the RTP timeout; output:\n\(server.process.printed)")

        let resume = try await alice.reoffer(direction: .sendrecv, version: 3)
        #expect(resume.direction == .sendrecv)
        alice.peer.setSendingAudio(true)
        try await Task.sleep(for: .milliseconds(1000))
        #expect(Self.heard(alice, among: [Self.aliceTone, Self.bobTone]) == [Self.bobTone])
        #expect(Self.heard(bob, among: [Self.aliceTone, Self.bobTone]) == [Self.aliceTone])
        await Self.hangUp(alice, bob)
    }

    @Test("rooms.max-participants: a third caller hears room_full and is hung up; a dial-out is refused")
    func maximumParticipants() async throws {
        let server = try Self.directRoomBridge("rooms:\n  max-participants: 2")
        defer { server.process.stop() }
        let callers = [
            try await ParleyBridgeCaller(name: "alice", toneFrequency: Self.aliceTone),
            try await ParleyBridgeCaller(name: "bob", toneFrequency: Self.bobTone),
            try await ParleyBridgeCaller(name: "carol", toneFrequency: nil),
        ]
        for caller in callers { try await caller.dial(user: "774245", port: server.sipPort) }
        let ended = await callers[2].waitUntilEnded(timeout: .seconds(5))
        #expect(ended == .remoteHangUp, "output:\n\(server.process.printed)")
        #expect(server.process.printed.contains("room 4245 is full"))
        // The test prompt set's room_full is a 2 kHz tone: carol heard it before the BYE.
        #expect(GoertzelDetector(sampleRate: 8000).presentFrequencies(among: [2000], in: callers[2].peer.receivedAudio) == [2000])
        let rows = try server.participants(room: "4245", adminPIN: "")
        #expect(rows.map { $0[1] as? String } == ["sip:alice@127.0.0.1", "sip:bob@127.0.0.1"])
        let dialOut = try #require(try server.xmlrpc(
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
        let server = try Self.directRoomBridge()
        defer { server.process.stop() }
        // The test prompt set's beep (and every other prompt) is 100 ms of 2 kHz.
        let beep = 2000.0
        let alice = try await ParleyBridgeCaller(name: "alice", toneFrequency: Self.aliceTone)
        let bob = try await ParleyBridgeCaller(name: "bob", toneFrequency: nil)
        let carol = try await ParleyBridgeCaller(name: "carol", toneFrequency: nil)
        try await alice.dial(user: "774246", port: server.sipPort)
        // Alone, alice hears first_participant; let it end before anyone joins.
        try await Task.sleep(for: .milliseconds(600))
        var heardByAlice = alice.peer.receivedAudio.count
        try await bob.dial(user: "774246", port: server.sipPort)
        try await Task.sleep(for: .milliseconds(600))
        #expect(Self.strongestShare(of: beep, heardBy: alice, skipping: heardByAlice) > 0.5, "alice hears bob's join beep")
        #expect(Self.strongestShare(of: beep, heardBy: bob) < 0.05, "bob, joining, hears no beep")
        #expect(Self.heard(bob, among: [Self.aliceTone], last: .milliseconds(500)) == [Self.aliceTone])
        var heardByBob = bob.peer.receivedAudio.count
        try await carol.dial(user: "774246", port: server.sipPort)
        try await Task.sleep(for: .milliseconds(600))
        #expect(Self.strongestShare(of: beep, heardBy: bob, skipping: heardByBob) > 0.2, "bob hears carol's join beep over alice")
        #expect(Self.strongestShare(of: beep, heardBy: carol) < 0.05, "carol, joining, hears no beep")
        heardByAlice = alice.peer.receivedAudio.count
        heardByBob = bob.peer.receivedAudio.count
        await Self.hangUp(carol)
        try await Task.sleep(for: .milliseconds(600))
        #expect(Self.strongestShare(of: beep, heardBy: alice, skipping: heardByAlice) > 0.5, "alice hears carol's drop beep")
        #expect(Self.strongestShare(of: beep, heardBy: bob, skipping: heardByBob) > 0.2, "so does bob")
        await Self.hangUp(alice, bob)
    }

    @Test("A phone without RFC 4733 types 1234# as tones and enters room 1234")
    func inBandDigitsEnterARoom() async throws {
        let server = try ParleyBridgeServer()
        defer { server.process.stop() }
        let alice = try await ParleyBridgeCaller(name: "alice", toneFrequency: nil, offersTelephoneEvents: false)
        try await alice.dial(user: "conference", port: server.sipPort)
        try await Task.sleep(for: .milliseconds(300))
        alice.peer.sendInBandDigits("1234#")
        let row = try server.waitForParticipant(room: "1234", adminPIN: "") { $0[1] as? String == "sip:alice@127.0.0.1" }
        #expect(row?[2] as? Int == 3, "output:\n\(server.process.printed)")
        #expect(row?[3] as? String == "entered")
        await Self.hangUp(alice)
    }

    @Test("Session timers with SIPp: the bridge refreshes by UPDATE at 45 s, and hangs up an unrefreshed call at 60 s")
    func sessionTimerRefreshAndExpiry() async throws {
        let server = try Self.directRoomBridge("""
            session-timer:
              enabled: true
              session-expires: 90
              minimum-timer: 90
            """, pattern: "^service$", strip: 0)
        defer { server.process.stop() }
        let sipp = try SIPp()
        let port = server.sipPort
        // Both calls at once, each SIPp on a thread of its own: one minute of waiting, not two.
        func call(_ scenario: String) -> Task<SIPp.Run, any Error> {
            Task {
                try await withCheckedThrowingContinuation { continuation in
                    Thread {
                        continuation.resume(with: Result {
                            try sipp.run(scenario, port: port, transport: .udp, duration: 80)
                        })
                    }.start()
                }
            }
        }
        let refreshed = call("bridge-uac-session-refresh")
        let expired = call("bridge-uac-session-expiry")
        let refreshRun = try await refreshed.value
        let expiryRun = try await expired.value
        #expect(refreshRun.allCallsSucceeded, "\(refreshRun.outcome.output.suffix(1500))\n\(refreshRun.errors)")
        #expect(expiryRun.allCallsSucceeded, "\(expiryRun.outcome.output.suffix(1500))\n\(expiryRun.errors)\n\(server.process.printed)")
    }
}
