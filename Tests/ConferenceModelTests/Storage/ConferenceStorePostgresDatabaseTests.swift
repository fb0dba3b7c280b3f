import ConferenceModel
import Foundation
import Testing

/// What only the PostgreSQL stores promise: the conference and IMC stores share one database
/// and its migration log, and a schema preparation that failed is tried again.
@Suite(.sharedPostgresTestServer)
struct ConferenceStorePostgresDatabaseTests {
    @Test("conference and IMC stores opened at once on a new database migrate it once, each its own tables")
    func conferenceAndIMCStoresShareADatabase() async throws {
        let harness = try ConferenceStorePostgresHarness()
        defer { harness.remove() }
        let url = harness.server.url(database: harness.database)
        let conferenceStores = try (0..<3).map { _ in try PostgresConferenceStore(url: url) }
        let imcStores = try (0..<3).map { _ in try PostgresIMCStore(url: url) }

        try await withThrowingTaskGroup(of: Void.self) { group in
            for store in conferenceStores {
                group.addTask { await store.client.run() }
            }
            for store in imcStores {
                group.addTask { await store.client.run() }
            }
            defer { group.cancelAll() }
            // Every store starts its migration at the same moment: both lists create and fill
            // `parley_migrations`, which only one lock key for both keeps from racing.
            try await withThrowingTaskGroup(of: Void.self) { loads in
                for store in conferenceStores {
                    loads.addTask {
                        let rooms = try await store.loadRooms()
                        #expect(rooms.isEmpty)
                    }
                }
                for store in imcStores {
                    loads.addTask {
                        let rooms = try await store.loadRooms()
                        #expect(rooms.isEmpty)
                    }
                }
                try await loads.waitForAll()
            }
        }

        #expect(try harness.query("SELECT identifier FROM parley_migrations ORDER BY identifier") == [
            "createKamailioIMCTables", "createKamailioVersionTable", "v1-rooms",
        ])
    }

    @Test("a store whose first schema preparation failed prepares it on the next call")
    func failedPreparationIsTriedAgain() async throws {
        let harness = try ConferenceStorePostgresHarness()
        defer { harness.remove() }
        // A table in the way makes the first migration fail, as a half-restored dump would.
        _ = try harness.query("CREATE TABLE parley_rooms (placeholder INTEGER)")
        let store = try PostgresConferenceStore(url: harness.server.url(database: harness.database))
        let room = StoredRoom(name: "4711", adminPIN: "8642")

        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await store.client.run() }
            defer { group.cancelAll() }
            await #expect(throws: (any Error).self) { try await store.loadRooms() }

            _ = try harness.query("DROP TABLE parley_rooms")

            try await store.apply([.roomSaved(room)])
            #expect(try await store.loadRooms() == [room])
        }
        #expect(try harness.migrationIdentifiers() == ["v1-rooms"])
    }
}
