import Foundation
import SIPCore
import SIPTesting
import Testing

/// Rooms outlive the bridge: what the control API created is in the database before it answers,
/// so a `kill -9` loses none of it.
@Suite("parley-bridge restart")
struct BridgeRestartTests {
    @Test("A room, its admin PIN and its invitation survive SIGKILL; a caller dials into the room after the restart")
    func roomsSurviveAKill() async throws {
        // Private rooms: after the restart, only a room that came back can be joined.
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bridge-\(UUID().uuidString).yaml")
        try "rooms:\n  private: true\n".write(to: config, atomically: true, encoding: .utf8)
        let first = try await ParleyBridgeServer(extraArguments: ["--config", config.path])
        let created = try #require(try await first.xmlrpc("roomCreate", ["4711"]) as? [Any])
        #expect(created[0] as? Int == 0)
        let pin = try #require(created[2] as? String)
        let invited = try #require(try await first.xmlrpc("di", ["webconference", "addParticipant", "4711", "pid-7", "sip:carol@example.org"]) as? [Any])
        #expect(invited[0] as? Int == 200)
        first.process.crash()

        let second = try await ParleyBridgeServer(databasePath: first.databasePath, extraArguments: ["--config", config.path])
        defer { second.process.stop() }
        let info = try #require(try await second.xmlrpc("roomInfo", ["4711", pin]) as? [Any])
        #expect(info[0] as? Int == 0, "the room and its PIN came back: \(info)")
        let rows = try #require(info[2] as? [[Any]])
        #expect(rows.contains { $0[1] as? String == "sip:carol@example.org" && $0[2] as? Int == 0 && $0[5] as? String == "pid-7" }, "the invitation came back: \(rows)")
        let wrongPIN = try #require(try await second.xmlrpc("roomInfo", ["4711", "000000"]) as? [Any])
        #expect(wrongPIN[0] as? Int == 1, "a wrong PIN is still refused")

        let caller = try await ParleyBridgeCaller(name: "dave", toneFrequency: nil)
        try await caller.dial(user: "conference", port: second.sipPort, headers: [SIPHeaderField(name: "P-App-Param", value: "room=4711")])
        let joined = try await second.waitForParticipant(room: "4711", adminPIN: pin) {
            $0[1] as? String == "sip:dave@127.0.0.1" && $0[2] as? Int == 3
        }
        #expect(joined?[3] as? String == "direct access: entered", "output:\n\(second.process.output)")
        caller.hangUp()
        await caller.shutdown()
    }

    /// With `--rooms-db`, the rooms live in PostgreSQL: a bridge with a new SQLite file of its own
    /// finds them there after the first one was killed.
    @Test("With --rooms-db, a room and its PIN are kept in PostgreSQL and survive SIGKILL")
    func roomsSurviveAKillInPostgres() async throws {
        let postgres = try PostgresTestServer.start()
        defer { postgres.stop() }
        try postgres.createDatabase("bridge")
        let rooms = ["--rooms-db", postgres.url(database: "bridge")]
        let first = try await ParleyBridgeServer(extraArguments: rooms)
        let created = try #require(try await first.xmlrpc("roomCreate", ["4711"]) as? [Any])
        let pin = try #require(created[2] as? String)
        let stored = try postgres.runSQL("SELECT name, admin_pin FROM parley_rooms", database: "bridge")
        #expect(stored.trimmingCharacters(in: .whitespacesAndNewlines) == "4711|\(pin)", "written through before roomCreate answered")
        first.process.crash()

        let second = try await ParleyBridgeServer(extraArguments: rooms)
        defer { second.process.stop() }
        #expect(second.databasePath != first.databasePath)
        let info = try #require(try await second.xmlrpc("roomInfo", ["4711", pin]) as? [Any])
        #expect(info[0] as? Int == 0, "the room and its PIN came back from PostgreSQL: \(info)")
        let wrongPIN = try #require(try await second.xmlrpc("roomInfo", ["4711", "000000"]) as? [Any])
        #expect(wrongPIN[0] as? Int == 1)
    }
}
