import ConferenceModel
import Foundation
import GRDB
import Testing

/// What only the SQLite file store promises: the file's journal, and sharing the file with the
/// bridge's other tables, written through another GRDB queue of the same process.
@Suite struct ConferenceStoreSQLiteFileTests {
    /// The bridge's call statistics table, created and written the way its store does it.
    private func openCallStatistics(path: String, configuration: Configuration = Configuration()) throws -> DatabaseQueue {
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-call-statistics") { db in
            try db.execute(sql: """
                CREATE TABLE call_statistics (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    total INTEGER NOT NULL, failed INTEGER NOT NULL, seconds INTEGER NOT NULL)
                """)
        }
        try migrator.migrate(queue)
        return queue
    }

    private func saveCallStatistics(total: Int, in queue: DatabaseQueue) async throws {
        try await queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO call_statistics (id, total, failed, seconds) VALUES (1, ?, 0, 0)
                    ON CONFLICT(id) DO UPDATE SET total = excluded.total
                    """,
                arguments: [total])
        }
    }

    private func callStatisticsTotal(in queue: DatabaseQueue) async throws -> Int? {
        try await queue.read { db in try Int.fetchOne(db, sql: "SELECT total FROM call_statistics WHERE id = 1") }
    }

    @Test("the file is in WAL mode and gains only the store's tables and migration")
    func fileLayout() async throws {
        let harness = try ConferenceStoreSQLiteHarness()
        defer { harness.remove() }

        _ = try await harness.loadRooms()

        #expect(try harness.query("PRAGMA journal_mode") == ["wal"])
        #expect(try harness.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") == [
            "grdb_migrations", "parley_room_invitations", "parley_room_settings", "parley_rooms",
        ])
        #expect(try harness.migrationIdentifiers() == ["v1-rooms"])
    }

    @Test("the store and another GRDB queue opened first share one file, each with its own tables and migrations")
    func sharesTheFileWithAnotherQueue() async throws {
        let harness = try ConferenceStoreSQLiteHarness()
        defer { harness.remove() }
        // Opened first and left open, as the bridge opens its call statistics: the file is made
        // in the default rollback journal mode and the store switches it to WAL under it.
        let statistics = try openCallStatistics(path: harness.path)
        try await saveCallStatistics(total: 1, in: statistics)
        let room = StoredRoom(name: "4711", adminPIN: "1", invitations: [StoredInvitation(participantID: "p", number: "n")])

        let store = try SQLiteConferenceStore(path: harness.path)
        try await store.apply([.roomSaved(room)])
        try await saveCallStatistics(total: 2, in: statistics)
        try await store.apply([.roomSaved(StoredRoom(name: "other", adminPIN: "2"))])
        try await saveCallStatistics(total: 3, in: statistics)

        #expect(try await store.loadRooms().map(\.name) == ["4711", "other"])
        #expect(try await callStatisticsTotal(in: statistics) == 3)
        #expect(try harness.query("PRAGMA journal_mode") == ["wal"])
        #expect(try harness.migrationIdentifiers() == ["v1-call-statistics", "v1-rooms"])

        // Both migrators run again, in the other order, beside the open connections.
        let reopenedStore = try SQLiteConferenceStore(path: harness.path)
        let reopenedStatistics = try openCallStatistics(path: harness.path)
        #expect(try await reopenedStore.loadRooms().first == room)
        #expect(try await callStatisticsTotal(in: reopenedStatistics) == 3)
        #expect(try harness.migrationIdentifiers() == ["v1-call-statistics", "v1-rooms"])
    }

    @Test("writes of the store and of another queue at the same moment all land")
    func concurrentWritersOnOneFile() async throws {
        let harness = try ConferenceStoreSQLiteHarness()
        defer { harness.remove() }
        let store = try SQLiteConferenceStore(path: harness.path)
        // The other writer waits for the store's write lock as the store waits for its own.
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        let statistics = try openCallStatistics(path: harness.path, configuration: configuration)
        let rounds = 40

        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 1...rounds {
                group.addTask {
                    try await store.apply([.roomSaved(StoredRoom(
                        name: String(format: "room-%03d", index), adminPIN: "\(index)",
                        invitations: [StoredInvitation(participantID: "p\(index)", number: "\(index)")]
                    ))])
                }
                group.addTask { try await saveCallStatistics(total: index, in: statistics) }
                group.addTask { _ = try await store.loadRooms() }
            }
            try await group.waitForAll()
        }

        let rooms = try await SQLiteConferenceStore(path: harness.path).loadRooms()
        #expect(rooms.map(\.name) == (1...rounds).map { String(format: "room-%03d", $0) })
        #expect(rooms.allSatisfy { $0.invitations.map(\.participantID) == ["p\($0.adminPIN)"] })
        let total = try #require(try await callStatisticsTotal(in: statistics))
        #expect((1...rounds).contains(total))
        #expect(try harness.query("PRAGMA integrity_check") == ["ok"])
    }

    @Test("stores opening a new file at once, while another queue writes to it, all open and migrate it once")
    func concurrentFirstOpensBesideAWriter() async throws {
        // Opening races in two ways the busy timeout alone does not cover: the switch to WAL
        // while the other queue writes, and two migrators reading the migration log before
        // either has written it. Each round gives them a new file to race on.
        for _ in 0..<40 {
            let harness = try ConferenceStoreSQLiteHarness()
            defer { harness.remove() }
            var configuration = Configuration()
            configuration.busyMode = .timeout(5)
            let statistics = try openCallStatistics(path: harness.path, configuration: configuration)

            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<4 {
                    group.addTask { _ = try SQLiteConferenceStore(path: harness.path) }
                }
                group.addTask {
                    for total in 1...10 {
                        try await saveCallStatistics(total: total, in: statistics)
                    }
                }
                try await group.waitForAll()
            }

            #expect(try harness.migrationIdentifiers() == ["v1-call-statistics", "v1-rooms"])
            #expect(try harness.query("PRAGMA journal_mode") == ["wal"])
            #expect(try await callStatisticsTotal(in: statistics) == 10)
        }
    }

    @Test("a file that is not a database is refused when opened")
    func notADatabase() throws {
        let harness = try ConferenceStoreSQLiteHarness()
        defer { harness.remove() }
        try "not a database, just text that is long enough to fill a header page".write(
            toFile: harness.path, atomically: true, encoding: .utf8
        )

        #expect(throws: (any Error).self) { try SQLiteConferenceStore(path: harness.path) }
    }
}
