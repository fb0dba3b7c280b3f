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
        let server = try ParleyBridgeServer(extraArguments: ["--config", config.path])
        defer { server.process.stop() }
        let created = try #require(try server.xmlrpc("roomCreate", ["55"]) as? [Any])
        #expect(created[0] as? Int == 0)

        let alice = try await ParleyBridgeCaller(name: "alice", toneFrequency: nil)
        let bob = try await ParleyBridgeCaller(name: "bob", toneFrequency: nil)
        try await alice.dial(user: "conference", port: server.sipPort)
        try await bob.dial(user: "conference", port: server.sipPort)
        try await Task.sleep(for: .milliseconds(300))
        alice.peer.sendDigits("99#")
        bob.peer.sendDigits("99#")
        try await Task.sleep(for: .milliseconds(1_200))
        // After one wrong entry both are still asked again; alice gets it wrong a second time.
        alice.peer.sendDigits("98#")
        bob.peer.sendDigits("55#")
        let aliceEnded = await alice.waitUntilEnded(timeout: .seconds(6))
        #expect(aliceEnded == .remoteHangUp, "two wrong entries end the call; output:\n\(server.process.printed)")
        let row = try server.waitForParticipant(room: "55", adminPIN: created[2] as? String ?? "") {
            $0[1] as? String == "sip:bob@127.0.0.1" && $0[2] as? Int == 3
        }
        #expect(row?[3] as? String == "entered", "bob's second try names the created room")
        #expect(try server.participants(room: "99", adminPIN: "").isEmpty, "no room 99 was opened")
        bob.hangUp()
        await alice.shutdown()
        await bob.shutdown()
    }
}
