import Foundation
import MediaTesting
import SIPCore
import SIPTesting
import Testing

/// The PIN dialogue of the real `parley-bridge`: wrong entries, the retry limit, private rooms.
@Suite("parley-bridge dial-in", .serialized)
struct ParleyBridgeDialInTests {
    @Test("Private rooms: a wrong room number is retried, the second wrong one ends the call; a created room lets a caller in")
    func wrongEntriesAndRetryLimit() async throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bridge-\(UUID().uuidString).yaml")
        try """
            rooms:
              private: true
            dial-in:
              max-wrong-entries: 2
            """.write(to: config, atomically: true, encoding: .utf8)
        let server = try await ParleyBridgeServer(extraArguments: ["--config", config.path])
        defer { server.process.stop() }
        let created = try #require(try await server.xmlrpc("roomCreate", ["55"]) as? [Any])
        #expect(created[0] as? Int == 0)

        let alice = try await ParleyBridgeCaller(name: "alice", toneFrequency: nil)
        let bob = try await ParleyBridgeCaller(name: "bob", toneFrequency: nil)
        try await alice.dial(user: "conference", port: server.sipPort)
        try await bob.dial(user: "conference", port: server.sipPort)
        // The bridge asks for the room number, then waits in silence for the keys.
        try await eventually("alice and bob to hear the bridge ask for the room number", detail: { "output:\n\(server.process.output)" }) {
            Self.heardPromptThenSilence(alice) && Self.heardPromptThenSilence(bob)
        }
        let aliceMark = alice.peer.receivedAudio.count, bobMark = bob.peer.receivedAudio.count
        alice.peer.sendDigits("99#")
        bob.peer.sendDigits("99#")
        // The bridge answers the wrong entry with wrong_pin, the first prompt after the silence.
        try await eventually("alice and bob to hear wrong_pin after 99#", detail: { "output:\n\(server.process.output)" }) {
            Self.hearsPrompt(alice, after: aliceMark) && Self.hearsPrompt(bob, after: bobMark)
        }
        // After one wrong entry both are still asked again; alice gets it wrong a second time.
        alice.peer.sendDigits("98#")
        bob.peer.sendDigits("55#")
        let aliceEnded = await alice.waitUntilEnded(timeout: .seconds(6))
        #expect(aliceEnded == .remoteHangUp, "two wrong entries end the call; output:\n\(server.process.output)")
        let row = try await server.waitForParticipant(room: "55", adminPIN: created[2] as? String ?? "") {
            $0[1] as? String == "sip:bob@127.0.0.1" && $0[2] as? Int == 3
        }
        #expect(row?[3] as? String == "entered", "bob's second try names the created room")
        #expect(try await server.participants(room: "99", adminPIN: "").isEmpty, "no room 99 was opened")
        bob.hangUp()
        await alice.shutdown()
        await bob.shutdown()
    }

    /// Whether `caller` heard a test prompt and nothing more in the 300 ms since.
    private static func heardPromptThenSilence(_ caller: ParleyBridgeCaller) -> Bool {
        let audio = caller.peer.receivedAudio
        return audio.count > 2400 && hearsPrompt(caller, after: 0) && !hearsPrompt(caller, after: audio.count - 2400)
    }

    /// Whether `caller` heard a test prompt (100 ms of 2 kHz) in the audio after its first `skipping` samples.
    private static func hearsPrompt(_ caller: ParleyBridgeCaller, after skipping: Int) -> Bool {
        let audio = Array(caller.peer.receivedAudio.dropFirst(skipping))
        let detector = GoertzelDetector(sampleRate: 8000)
        return stride(from: 0, to: max(0, audio.count - 640), by: 160)
            .contains { detector.relativePower(of: 2000, in: Array(audio[$0..<$0 + 640])) > 0.5 }
    }
}
