import ConferenceModel
import Foundation

/// A new SQLite file in a temporary folder, read from outside with the `sqlite3` CLI.
struct ConferenceStoreSQLiteHarness: ConferenceStoreHarness {
    let directory: URL
    let path: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-rooms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        path = directory.appendingPathComponent("bridge.db").path
    }

    func withFreshStore<Result: Sendable>(_ body: @Sendable (any ConferenceStore) async throws -> Result) async throws -> Result {
        try await body(SQLiteConferenceStore(path: path))
    }

    func query(_ sql: String) throws -> [String] {
        try ExternalCommand.run("sqlite3", [path, sql]).split(separator: "\n").map(String.init)
    }

    func storedExpiryTime(ofRoom name: String) throws -> String? {
        try query("SELECT ifnull(expiry_time, 'NULL') FROM parley_rooms WHERE name = '\(name)'")
            .first.flatMap { $0 == "NULL" ? nil : $0 }
    }

    func schemaDescription() throws -> [String] {
        try query("""
            SELECT type, name, tbl_name, replace(ifnull(sql, ''), char(10), ' ') FROM sqlite_master
            WHERE tbl_name LIKE 'parley\\_%' ESCAPE '\\' ORDER BY name
            """)
    }

    func migrationIdentifiers() throws -> [String] {
        try query("SELECT identifier FROM grdb_migrations ORDER BY identifier")
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
