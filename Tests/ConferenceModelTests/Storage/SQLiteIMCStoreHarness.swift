import ConferenceModel
import Foundation

/// A new SQLite file in a temporary folder, read from outside with the `sqlite3` CLI.
struct SQLiteIMCStoreHarness: IMCStoreHarness {
    let directory: URL
    let path: String

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-imc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        path = directory.appendingPathComponent("imc.db").path
    }

    func withFreshStore<Result: Sendable>(_ body: @Sendable (any IMCStore) async throws -> Result) async throws -> Result {
        try await body(SQLiteIMCStore(path: path))
    }

    func createKamailioSchema(seedSQL: String) throws {
        let scripts = try KamailioSchemaScripts.paths(for: "db_sqlite", package: "kamailio-sqlite-modules")
        _ = try ExternalCommand.run("sqlite3", [path] + scripts.map { ".read \($0)" } + [seedSQL])
    }

    func query(_ sql: String) throws -> [String] {
        try ExternalCommand.run("sqlite3", [path, sql]).split(separator: "\n").map(String.init)
    }

    /// `sqlite_master` rows of the three tables, with the one difference a conditional create
    /// leaves out (SQLite stores the statement text as given).
    func schemaDescription() throws -> [String] {
        try query("""
            SELECT type, name, tbl_name, replace(replace(ifnull(sql, ''), char(10), ' '), 'IF NOT EXISTS ', '')
            FROM sqlite_master WHERE tbl_name IN ('version', 'imc_rooms', 'imc_members') ORDER BY name
            """)
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}
