import ConferenceModel
import Testing

/// What only the SQLite file store promises: the file's journal and what it adds beside
/// Kamailio's tables.
@Suite struct SQLiteIMCStoreFileTests {
    @Test("the file is in WAL mode and gains only the migration log beside Kamailio's tables")
    func fileLayout() async throws {
        let harness = try SQLiteIMCStoreHarness()
        defer { harness.remove() }

        _ = try await harness.loadRooms()

        #expect(try harness.query("PRAGMA journal_mode") == ["wal"])
        #expect(try harness.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name") == [
            "grdb_migrations", "imc_members", "imc_rooms", "version",
        ])
        #expect(try harness.query("SELECT identifier FROM grdb_migrations ORDER BY identifier") == [
            "createKamailioIMCTables", "createKamailioVersionTable",
        ])
    }

    @Test("a file that is not a database is refused when opened")
    func notADatabase() throws {
        let harness = try SQLiteIMCStoreHarness()
        defer { harness.remove() }
        try "not a database, just text that is long enough to fill a header page".write(
            toFile: harness.path, atomically: true, encoding: .utf8
        )

        #expect(throws: (any Error).self) { try SQLiteIMCStore(path: harness.path) }
    }
}
