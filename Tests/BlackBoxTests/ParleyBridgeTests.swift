import Foundation
import MediaTesting
import SIPTesting
import Testing

/// `parley-bridge` as a separate process driven over loopback: callers placed with SIPCore's own
/// INVITE sessions and RTP test peers, SIPp as the callee of dial-outs, and Python's
/// `xmlrpc.client` on the control API.
@Suite("parley-bridge", .serialized)
struct ParleyBridgeTests {
    private static let lowTone = 440.0
    private static let highTone = 1000.0

    /// A configuration file sending calls to 77<room> straight into <room> (SEMS
    /// `direct_room_re` / `direct_room_strip`).
    private static func directRoomConfiguration() throws -> String {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bridge-\(UUID().uuidString).yaml")
        try """
            dial-in:
              direct-room-pattern: "^77"
              direct-room-strip: 2
            """.write(to: config, atomically: true, encoding: .utf8)
        return config.path
    }

    /// Alice (low tone) and Bob (high tone) dial 77`room`; each must hear the other and not
    /// themselves.
    private func twoCallersHearingEachOther(in room: String, on server: ParleyBridgeServer) async throws
        -> (alice: ParleyBridgeCaller, bob: ParleyBridgeCaller)
    {
        let alice = try await ParleyBridgeCaller(toneFrequency: Self.lowTone)
        let bob = try await ParleyBridgeCaller(toneFrequency: Self.highTone)
        try await alice.dial(user: "77\(room)", port: server.sipPort)
        try await bob.dial(user: "77\(room)", port: server.sipPort)

        let detector = GoertzelDetector(sampleRate: 8000)
        func heard(_ caller: ParleyBridgeCaller) -> [Double] {
            detector.presentFrequencies(among: [Self.lowTone, Self.highTone], in: caller.peer.receivedAudio(last: .milliseconds(400)))
        }
        try await eventually("alice to hear bob's tone only and bob alice's", detail: { "output:\n\(server.process.output)" }) {
            heard(alice) == [Self.highTone] && heard(bob) == [Self.lowTone]
        }
        let aliceHeard = detector.presentFrequencies(
            among: [Self.lowTone, Self.highTone], in: alice.peer.receivedAudio(last: .milliseconds(400)))
        let bobHeard = detector.presentFrequencies(
            among: [Self.lowTone, Self.highTone], in: bob.peer.receivedAudio(last: .milliseconds(400)))
        #expect(aliceHeard == [Self.highTone], "alice should hear bob's tone only; output:\n\(server.process.output)")
        #expect(bobHeard == [Self.lowTone], "bob should hear alice's tone only")
        return (alice, bob)
    }

    @Test("Two callers in a direct room hear each other, and not themselves")
    func twoCallersInADirectRoomHearEachOther() async throws {
        let server = try await ParleyBridgeServer(extraArguments: ["--config", try Self.directRoomConfiguration()])
        defer { server.process.stop() }
        let (alice, bob) = try await twoCallersHearingEachOther(in: "4242", on: server)

        let rows = try await server.participants(room: "4242", adminPIN: "")
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0[2] as? Int == 3 && $0[3] as? String == "direct access: entered" })

        alice.hangUp()
        bob.hangUp()
        let finished = try await server.waitForParticipant(room: "4242", adminPIN: "") { $0[2] as? Int == 5 }
        #expect(finished != nil, "a caller who hung up should be listed as Finished")
        await alice.shutdown()
        await bob.shutdown()
    }

    /// The RTP range holds the bridge's own SIP port. A leg bound there beside the SIP listener
    /// (both allowing address reuse) would take its datagrams and the bridge would hear no more
    /// SIP; the port is refused instead and the call gets the next one.
    @Test("An RTP port the SIP listener holds is skipped, and signalling keeps working")
    func rtpPortOfTheSIPListenerIsSkipped() async throws {
        let sipPort = try ParleyBridgeServer.peerPort()
        let server = try await ParleyBridgeServer(
            sipPort: sipPort, rtpPorts: sipPort...(sipPort + 5), extraArguments: ["--config", try Self.directRoomConfiguration()])
        defer { server.process.stop() }
        let (alice, bob) = try await twoCallersHearingEachOther(in: "4343", on: server)

        alice.hangUp()
        bob.hangUp()
        var rows = try await server.participants(room: "4343", adminPIN: "")
        try await eventually("both BYEs to reach the SIP listener (both rows Finished)", pollingEvery: .milliseconds(200)) {
            rows = try await server.participants(room: "4343", adminPIN: "")
            return rows.allSatisfy { $0[2] as? Int == 5 }
        }
        #expect(rows.count == 2 && rows.allSatisfy { $0[2] as? Int == 5 }, "both BYEs should reach the SIP listener")
        await alice.shutdown()
        await bob.shutdown()
    }

    @Test("Muting a caller takes their voice out of the others' mix; unmuting brings it back")
    func muteIsHeard() async throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bridge-\(UUID().uuidString).json")
        try #"{"dial-in": {"direct-room-pattern": "^77", "direct-room-strip": 2}}"#.write(to: config, atomically: true, encoding: .utf8)
        let server = try await ParleyBridgeServer(extraArguments: ["--config", config.path])
        defer { server.process.stop() }
        let alice = try await ParleyBridgeCaller(name: "alice", toneFrequency: Self.lowTone)
        let bob = try await ParleyBridgeCaller(name: "bob", toneFrequency: Self.highTone)
        try await alice.dial(user: "775150", port: server.sipPort)
        try await bob.dial(user: "775150", port: server.sipPort)
        let aliceRow = try #require(try await server.participants(room: "5150", adminPIN: "").first { $0[1] as? String == "sip:alice@127.0.0.1" })
        let aliceTag = try #require(aliceRow[0] as? String)
        let detector = GoertzelDetector(sampleRate: 8000)
        func bobHears() -> [Double] {
            detector.presentFrequencies(among: [Self.lowTone, Self.highTone], in: bob.peer.receivedAudio(last: .milliseconds(300)))
        }

        try await eventually("bob to hear alice") { bobHears() == [Self.lowTone] }
        #expect(bobHears() == [Self.lowTone])
        _ = try await server.xmlrpc("mute", ["5150", "", aliceTag])
        try await eventually("bob to stop hearing muted alice") { bobHears() == [] }
        #expect(bobHears() == [], "a muted caller must not be heard")
        _ = try await server.xmlrpc("unmute", ["5150", "", aliceTag])
        try await eventually("bob to hear unmuted alice again") { bobHears() == [Self.lowTone] }
        #expect(bobHears() == [Self.lowTone], "an unmuted caller is heard again")

        alice.hangUp()
        bob.hangUp()
        await alice.shutdown()
        await bob.shutdown()
    }

    @Test("Callers who type 1234# by RFC 4733 events enter room 1234 and hear each other there")
    func callerEntersRoomByDigits() async throws {
        let server = try await ParleyBridgeServer()
        defer { server.process.stop() }
        let alice = try await ParleyBridgeCaller(name: "alice", toneFrequency: Self.lowTone)
        let bob = try await ParleyBridgeCaller(name: "bob", toneFrequency: Self.highTone)
        for caller in [alice, bob] {
            try await caller.dial(user: "conference", port: server.sipPort)
            try await eventually("the bridge's audio to reach \(caller.name)") { caller.peer.receivedPackets > 0 }
            caller.peer.sendDigits("1234#")
        }

        let row = try await server.waitForParticipant(room: "1234", adminPIN: "") { $0[1] as? String == "sip:bob@127.0.0.1" && $0[2] as? Int == 3 }
        #expect(row?[3] as? String == "entered", "output:\n\(server.process.output)")
        let rows = try await server.participants(room: "1234", adminPIN: "")
        #expect(rows.count == 2 && rows.allSatisfy { $0[3] as? String == "entered" })

        // The callers typed their number in rooms of their own; in the conference they hear each other.
        let detector = GoertzelDetector(sampleRate: 8000)
        let candidates = [Self.lowTone, Self.highTone]
        try await eventually("alice and bob to hear each other in room 1234") {
            detector.presentFrequencies(among: candidates, in: alice.peer.receivedAudio(last: .milliseconds(400))) == [Self.highTone]
                && detector.presentFrequencies(among: candidates, in: bob.peer.receivedAudio(last: .milliseconds(400))) == [Self.lowTone]
        }
        #expect(detector.presentFrequencies(among: candidates, in: alice.peer.receivedAudio(last: .milliseconds(400))) == [Self.highTone])
        #expect(detector.presentFrequencies(among: candidates, in: bob.peer.receivedAudio(last: .milliseconds(400))) == [Self.lowTone])
        alice.hangUp()
        bob.hangUp()
        await alice.shutdown()
        await bob.shutdown()
    }

    @Test("XML-RPC: roomCreate, dialout to a ringing and answering callee, mute, unmute, kickout")
    func controlAPIDialOutMuteKick() async throws {
        let server = try await ParleyBridgeServer()
        defer { server.process.stop() }
        let callee = try await SIPpCallee(scenario: "bridge-uas-answer")

        let room = "room\(Int.random(in: 1000...9999))"
        let created = try #require(try await server.xmlrpc("roomCreate", [room]) as? [Any])
        #expect(created[0] as? Int == 0)
        let pin = try #require(created[2] as? String)
        let dialed = try #require(
            try await server.xmlrpc("dialout", [room, pin, "alice", "parley", "127.0.0.1:\(callee.port)", "", ""]) as? [Any])
        #expect(dialed[0] as? Int == 0, "dialout answered \(dialed)")
        let tag = try #require(dialed[2] as? String)

        let connected = try await server.waitForParticipant(room: room, adminPIN: pin) { $0[0] as? String == tag && $0[2] as? Int == 3 }
        #expect(connected?[3] as? String == "200 OK", "output:\n\(server.process.output)")

        _ = try await server.xmlrpc("mute", [room, pin, tag])
        #expect(try await server.participants(room: room, adminPIN: pin).first { $0[0] as? String == tag }?[4] as? Int == 1)
        _ = try await server.xmlrpc("unmute", [room, pin, tag])
        #expect(try await server.participants(room: room, adminPIN: pin).first { $0[0] as? String == tag }?[4] as? Int == 0)

        let kicked = try #require(try await server.xmlrpc("kickout", [room, pin, tag]) as? [Any])
        #expect(kicked[0] as? Int == 0)
        let finished = try await server.waitForParticipant(room: room, adminPIN: pin) { $0[0] as? String == tag && $0[2] as? Int == 5 }
        #expect(finished != nil)
        let outcome = try await callee.run.value
        #expect(outcome.exitStatus == 0, "the callee should have been answered and sent BYE:\n\(outcome.output)")
    }

    @Test("Dial-out answers a 401 digest challenge with the given credentials")
    func dialOutWithDigest() async throws {
        let server = try await ParleyBridgeServer()
        defer { server.process.stop() }
        let callee = try await SIPpCallee(scenario: "bridge-uas-digest")

        let room = "secure\(Int.random(in: 1000...9999))"
        let dialed = try #require(
            try await server.xmlrpc("dialout", [room, "", "bob", "parley", "127.0.0.1:\(callee.port)", "alice", "secret"]) as? [Any])
        let tag = try #require(dialed[2] as? String)
        let connected = try await server.waitForParticipant(room: room, adminPIN: "") { $0[0] as? String == tag && $0[2] as? Int == 3 }
        #expect(connected != nil, "the challenged dial-out should connect; output:\n\(server.process.output)")

        _ = try await server.xmlrpc("kickout", [room, "", tag])
        let outcome = try await callee.run.value
        #expect(outcome.exitStatus == 0, "the callee should have verified the credentials:\n\(outcome.output)")
    }

    @Test("A SEMS webconference.conf is taken over, and an unknown key is warned about")
    func semsConfigurationFile() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("webconference-\(UUID().uuidString).conf")
        try """
            # A SEMS webconference.conf as operators have it
            master_password=letmein
            predefined_rooms=alpha:111;beta:222
            direct_room_re="^88"   # quoted, as SEMS needs for patterns
            direct_room_strip=2
            tell_pin=yes
            unknown_thing=42
            """.write(to: file, atomically: true, encoding: .utf8)
        let server = try await ParleyBridgeServer(extraArguments: ["--webconference-conf", file.path])
        defer { server.process.stop() }

        let warning = try await server.process.waitForLine(containing: "unknown_thing", within: .seconds(5))
        #expect(warning.contains("warning") && warning.contains(":7:"))
        let listed = try #require(try await server.xmlrpc("listRooms", ["letmein"]) as? [Any])
        #expect(listed[1] as? [String] == ["alpha", "beta"])
        let password = try #require(try await server.xmlrpc("getRoomPassword", ["letmein", "beta"]) as? [Any])
        #expect(password[1] as? String == "222")
    }
}
