import ConferenceModel
import Foundation
import SIPTesting

/// A new database on the suite's throw-away PostgreSQL server, read from outside with `psql`.
struct PostgresIMCStoreHarness: IMCStoreHarness {
    let server: PostgresTestServer
    let database: String

    init() throws {
        server = try SharedPostgresTestServer.current()
        database = "imc_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "_"))"
        try server.createDatabase(database)
    }

    /// Runs the store's `PostgresClient` for the body's duration, as an executable's service group would.
    func withFreshStore<Result: Sendable>(_ body: @Sendable (any IMCStore) async throws -> Result) async throws -> Result {
        let store = try PostgresIMCStore(url: server.url(database: database))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await store.client.run() }
            defer { group.cancelAll() }
            return try await body(store)
        }
    }

    func createKamailioSchema(seedSQL: String) throws {
        for script in try KamailioSchemaScripts.paths(for: "postgres", package: "kamailio-postgres-modules") {
            try server.runSQLFile(script, database: database)
        }
        try server.runSQL(seedSQL, database: database)
    }

    func query(_ sql: String) throws -> [String] {
        try server.runSQL(sql, database: database).split(separator: "\n").map(String.init)
    }

    /// Columns (type, length, nullability, default) and constraints of the three tables.
    func schemaDescription() throws -> [String] {
        try query("""
            SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, column_default
            FROM information_schema.columns WHERE table_name IN ('version', 'imc_rooms', 'imc_members')
            ORDER BY table_name, ordinal_position
            """)
            + query("""
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE conrelid::regclass::text IN ('version', 'imc_rooms', 'imc_members') ORDER BY 1, 2
            """)
    }

    func remove() {
        _ = try? server.runSQL("DROP DATABASE IF EXISTS \"\(database)\" WITH (FORCE)", database: "postgres")
    }
}
