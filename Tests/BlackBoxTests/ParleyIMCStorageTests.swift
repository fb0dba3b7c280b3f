import Foundation
import SIPCore
import SIPTesting
import Testing

/// `parley-imc` on its two stores: a SQLite file Kamailio made (its own schema and rows) and a
/// real PostgreSQL server (`--db postgres://…`), across restarts (specs/imc.md §3.4, §11).
@Suite(.serialized) struct ParleyIMCStorageTests {
    static func bodies(_ messages: [SIPMessage]) -> [String] {
        messages.map { String(decoding: $0.body, as: UTF8.self) }
    }

    /// A SQLite file made with Kamailio's `db_sqlite` create scripts (Debian package
    /// kamailio-sqlite-modules) and `seedSQL`, with the `sqlite3` CLI as `kamdbctl` would.
    static func kamailioSQLiteFile(seedSQL: String) async throws -> String {
        let scripts = ["standard-create.sql", "imc-create.sql"].map { "/usr/share/kamailio/db_sqlite/\($0)" }
        for script in scripts where !FileManager.default.fileExists(atPath: script) {
            throw TestSocketError("\(script) is missing: install the Debian package kamailio-sqlite-modules")
        }
        let path = IMCServer.newDatabasePath()
        let outcome = try await PeerProcess.run("/usr/bin/sqlite3", [path] + scripts.map { ".read \($0)" } + [seedSQL], within: .seconds(30))
        guard outcome.exitStatus == 0 else { throw TestSocketError("sqlite3 failed: \(outcome.output)") }
        return path
    }

    @Test func aKamailioSQLiteFileIsServedWithItsRoles() async throws {
        // Rows as Kamailio 5.6 stores them: owner 1, admin 2, member 0, invited 4; private room 1.
        // chat-empty has no member rows: Kamailio 5.6 stops loading there (bug B6), Parley goes on.
        let path = try await Self.kamailioSQLiteFile(seedSQL: """
            INSERT INTO imc_rooms (name, domain, flag) VALUES
              ('chat-1', 'imc.test', 0), ('chat-empty', 'imc.test', 0), ('chat-2', 'imc.test', 1);
            INSERT INTO imc_members (username, domain, room, flag) VALUES
              ('alice', 'imc.test', 'sip:chat-1@imc.test', 1), ('bob', 'imc.test', 'sip:chat-1@imc.test', 2),
              ('carol', 'imc.test', 'sip:chat-1@imc.test', 0), ('dave', 'imc.test', 'sip:chat-1@imc.test', 4),
              ('erin', 'imc.test', 'sip:chat-2@imc.test', 1);
            """)
        let server = try await IMCServer(databasePath: path)
        let carol = try TestUserAgent(user: "carol", serverPort: server.port)
        let erin = try TestUserAgent(user: "erin", serverPort: server.port)
        let frank = try TestUserAgent(user: "frank", serverPort: server.port)
        for agent in [carol, erin, frank] { try await agent.register() }

        // List order [first, newest, …, second] (imc.md §3.4); the invited dave is not listed.
        #expect(try await carol.message("#members", to: "sip:chat-1@imc.test") == 200)
        #expect(Self.bodies(await carol.receiveMessages(count: 1)) == ["Members:\n*[alice]\n[carol]\n~[bob]"])
        #expect(try await erin.message("#members", to: "sip:chat-2@imc.test") == 200)
        #expect(Self.bodies(await erin.receiveMessages(count: 1)) == ["Members:\n*[erin]"], "the room after the empty one is loaded")
        // Buckets: chat-2 -> 9; chat-1 and chat-empty -> 12, the later-loaded first.
        #expect(try await frank.message("#rooms", to: "sip:chat-manager@imc.test") == 200)
        #expect(Self.bodies(await frank.receiveMessages(count: 1)) == ["Rooms:\n[chat-2]\n[chat-empty]\n[chat-1]"])
        #expect(try await frank.message("#join", to: "sip:chat-2@imc.test") == 200)
        #expect(Self.bodies(await frank.receiveMessages(count: 1)) == [
            "*** Private rooms are by invitation only. Room owners have been notified.",
        ], "the private flag was read")

        // The file is used as it is: nothing wiped, Kamailio's rows still there.
        let rows = try await PeerProcess.run("/usr/bin/sqlite3", [path, "SELECT username, flag FROM imc_members ORDER BY id"], within: .seconds(30))
        #expect(rows.output == "alice|1\nbob|2\ncarol|0\ndave|4\nerin|1\n")
    }

    @Test func postgresKeepsTheRoomsAcrossARestart() async throws {
        let postgres = try PostgresTestServer.start()
        defer { postgres.stop() }
        try postgres.createDatabase("imc")
        let url = postgres.url(database: "imc")

        let first = try await IMCServer(databasePath: url)
        let alice = try TestUserAgent(user: "alice", serverPort: first.port)
        let bob = try TestUserAgent(user: "bob", serverPort: first.port)
        for agent in [alice, bob] { try await agent.register() }
        #expect(try await alice.message("#create chat-1 private", to: "sip:chat-manager@imc.test") == 200)
        #expect(try await alice.message("#add bob", to: "sip:chat-1@imc.test") == 200)
        #expect(try await alice.message("#invite carol", to: "sip:chat-1@imc.test") == 200)
        // carol is not registered: her invitation fails and she is removed, written through to the store.
        try await eventually("carol's failed invitation to remove her from chat-1 in PostgreSQL", within: .seconds(5), pollingEvery: .milliseconds(100)) {
            try postgres.runSQL("SELECT count(*) FROM imc_members WHERE username = 'carol'", database: "imc")
                .trimmingCharacters(in: .whitespacesAndNewlines) == "0"
        }
        #expect(try await alice.message("#create chat-2", to: "sip:chat-manager@imc.test") == 200)
        let rooms = try postgres.runSQL("SELECT name, flag FROM imc_rooms ORDER BY id", database: "imc")
        #expect(rooms.split(separator: "\n") == ["chat-1|1", "chat-2|0"])
        first.process.stop()

        let second = try await IMCServer(databasePath: url)
        let again = try TestUserAgent(user: "bob", serverPort: second.port)
        try await again.register()
        #expect(try await again.message("#members", to: "sip:chat-1@imc.test") == 200)
        // carol's invitation failed (not registered), so she left the room before the restart.
        #expect(Self.bodies(await again.receiveMessages(count: 1)) == ["Members:\n*[alice]\n[bob]"])
        #expect(try await again.message("#rooms", to: "sip:chat-manager@imc.test") == 200)
        // Buckets (imc.md §3.4): chat-2 -> 9, chat-1 -> 12.
        #expect(Self.bodies(await again.receiveMessages(count: 1)) == ["Rooms:\n[chat-2]\n[chat-1]"])
    }
}
