import Foundation
import MediaTesting
import SIPCore
import SIPTesting
import Testing

/// `parley-bridge` with a real softphone, baresip, on both ends of its calls: dialling in and
/// typing the room number as RFC 4733 events, three phones talking in one room and recording what
/// they hear, and a dial-out that rings a phone until it is answered.
@Suite("parley-bridge with baresip phones", .serialized)
struct ParleyBridgeBaresipTests {
    /// Three tones well apart from each other, from the test prompts' 2000 Hz and from the
    /// ringback's 440 + 480 Hz pair.
    private static let tones = [550.0, 850.0, 1250.0]

    @Test("A baresip phone that dials in and types 1234# by RFC 4733 events enters room 1234")
    func phoneEntersRoomByDigits() async throws {
        let server = try await ParleyBridgeServer(extraArguments: ["--log-level", "debug"])
        defer { server.process.stop() }
        let phone = try await Baresip(name: "alice", toneFrequency: nil, dialing: "sip:conference@127.0.0.1:\(server.sipPort)")
        defer { phone.stop() }
        _ = try await phone.waitForLine(containing: "Call established")
        #expect(try await server.participants(room: "1234", adminPIN: "").isEmpty, "nobody is in room 1234 before the digits")

        // Typed at once, as a phone user who knows the number does, while the PIN prompt plays.
        // baresip restamps one update of its first event half a frame on: still one key, room 1234.
        try await phone.press("1234#")
        let row = try await server.waitForParticipant(room: "1234", adminPIN: "") { $0[1] as? String == "sip:alice@127.0.0.1" && $0[2] as? Int == 3 }
        #expect(row?[3] as? String == "entered", "baresip:\n\(phone.readableOutput)\nbridge:\n\(server.process.output)")

        try await phone.quit()
        if row != nil {
            let finished = try await server.waitForParticipant(room: "1234", adminPIN: "") { $0[1] as? String == "sip:alice@127.0.0.1" && $0[2] as? Int == 5 }
            #expect(finished != nil, "the phone's BYE should finish its row")
        }
    }

    @Test("Three baresip phones in a direct room each hear the other two tones, and not their own")
    func threePhonesHearEachOther() async throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bridge-\(UUID().uuidString).yaml")
        // Calls to 77<room> go straight into <room>, without a PIN (SEMS direct_room_re / direct_room_strip).
        try "dial-in:\n  direct-room-pattern: \"^77\"\n  direct-room-strip: 2\n".write(to: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: config) }
        let server = try await ParleyBridgeServer(extraArguments: ["--config", config.path])
        defer { server.process.stop() }

        var phones: [Baresip] = []
        defer { phones.forEach { $0.stop() } }
        for (index, tone) in Self.tones.enumerated() {
            phones.append(try await Baresip(
                name: "phone\(index)", toneFrequency: tone, dialing: "sip:776060@127.0.0.1:\(server.sipPort)"))
        }
        let connected = try await server.waitForConnected(count: 3, room: "6060", adminPIN: "")
        try #require(connected.count == 3, "three phones should be in room 6060; bridge:\n\(server.process.output)")
        #expect(connected.allSatisfy { $0[3] as? String == "direct access: entered" })

        // Talk for a while with everyone in, then all hang up at once: the 2.5 s of talk are what
        // the recordings below are measured on, not a wait for something to happen.
        try await Task.sleep(for: .milliseconds(2500))
        for phone in phones { try await phone.press("q", holding: .milliseconds(20)) }
        for phone in phones { try await phone.waitForExit() }

        let detector = GoertzelDetector(sampleRate: Double(WAVFile.sampleRate))
        for (phone, ownTone) in zip(phones, Self.tones) {
            let recording = try phone.recording()
            // The last 1.5 s with all three in the room, leaving out the final 0.5 s in which the
            // others may already have hung up.
            try #require(recording.count >= 2 * WAVFile.sampleRate, "\(phone.name) recorded \(recording.count) samples")
            let heard = Array(recording.dropLast(WAVFile.sampleRate / 2).suffix(3 * WAVFile.sampleRate / 2))
            let own = detector.relativePower(of: ownTone, in: heard)
            for otherTone in Self.tones where otherTone != ownTone {
                let other = detector.relativePower(of: otherTone, in: heard)
                // Two tones of equal level share the energy about half and half.
                #expect(other > 0.2, "\(phone.name) should hear \(otherTone) Hz (share \(other))")
                #expect(other > 20 * own, "\(phone.name): \(otherTone) Hz (\(other)) should dwarf its own \(ownTone) Hz (\(own))")
            }
            #expect(own < 0.01, "\(phone.name) must not hear its own \(ownTone) Hz (share \(own)): the mix is mix-minus")
        }
    }

    @Test("A dial-out to a baresip phone rings, is answered with 200 OK, is heard in the room, and kickout hangs it up")
    func dialOutToPhone() async throws {
        let server = try await ParleyBridgeServer()
        defer { server.process.stop() }
        let phone = try await Baresip(name: "bob", toneFrequency: Self.tones[1])
        defer { phone.stop() }
        let room = "phone\(Int.random(in: 1000...9999))"
        let created = try #require(try await server.xmlrpc("roomCreate", [room]) as? [Any])
        let pin = try #require(created[2] as? String)
        let listener = try await ParleyBridgeCaller(name: "listener", toneFrequency: nil)
        do {
            try await listener.dial(user: "conference", port: server.sipPort, headers: [SIPHeaderField(name: "P-App-Param", value: "room=\(room)")])
            try await checkDialOut(server: server, room: room, pin: pin, phone: phone, listener: listener)
        } catch {
            await listener.shutdown()
            throw error
        }
        listener.hangUp()
        await listener.shutdown()
    }

    /// Dials `phone` out into `room`, where `listener` already is, answers, listens and kicks.
    private func checkDialOut(server: ParleyBridgeServer, room: String, pin: String, phone: Baresip, listener: ParleyBridgeCaller) async throws {
        let dialed = try #require(
            try await server.xmlrpc("dialout", [room, pin, phone.name, "parley", "127.0.0.1:\(phone.sipPort)", "", ""]) as? [Any])
        #expect(dialed[0] as? Int == 0, "dialout answered \(dialed)")
        let tag = try #require(dialed[2] as? String)
        // The phone rings until its key `a` is pressed, so the Ringing row is there to be seen.
        let ringing = try await server.waitForParticipant(room: room, adminPIN: pin) { $0[0] as? String == tag && $0[2] as? Int == 2 }
        #expect(ringing?[3] as? String == "180 Ringing", "bridge:\n\(server.process.output)")
        _ = try await phone.waitForLine(containing: "Incoming call")
        try await phone.press("a")
        let connected = try await server.waitForParticipant(room: room, adminPIN: pin) { $0[0] as? String == tag && $0[2] as? Int == 3 }
        #expect(connected?[3] as? String == "200 OK", "baresip:\n\(phone.readableOutput)")

        // The listener hears the phone's tone through the room.
        let detector = GoertzelDetector(sampleRate: 8000)
        var share = 0.0
        try? await eventually("the listener to hear the phone's \(Self.tones[1]) Hz", within: .seconds(3), pollingEvery: .milliseconds(200)) {
            share = detector.relativePower(of: Self.tones[1], in: listener.peer.receivedAudio(last: .milliseconds(400)))
            return share >= 0.5
        }
        #expect(share > 0.5, "the room should hear the phone's \(Self.tones[1]) Hz (share \(share))")

        let kicked = try #require(try await server.xmlrpc("kickout", [room, pin, tag]) as? [Any])
        #expect(kicked[0] as? Int == 0)
        // baresip reports the far end's BYE as the session closing.
        _ = try await phone.waitForLine(containing: "session closed")
        let finished = try await server.waitForParticipant(room: room, adminPIN: pin) { $0[0] as? String == tag && $0[2] as? Int == 5 }
        #expect(finished != nil, "a kicked dial-out should be listed as Finished")
        #expect(phone.isRunning, "the phone outlives its call")
        try await phone.quit()
    }
}
