import ConferenceModel
import Foundation
import SIPTesting

/// A new database on the suite's throw-away PostgreSQL server, read from outside with `psql`.
///
/// The database sorts text by an ICU locale (`en-US`), as a production database made with a
/// language's locale does, so a store that sorted by the database's default collation instead
/// of byte order would show it.
struct ConferenceStorePostgresHarness: ConferenceStoreHarness {
    let server: PostgresTestServer
    let database: String

    init() throws {
        server = try SharedPostgresTestServer.current()
        database = "rooms_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "_"))"
        try server.runSQL(
            "CREATE DATABASE \"\(database)\" TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'",
            database: "postgres"
        )
    }

    /// Runs the store's `PostgresClient` for the body's duration, as an executable's service group would.
    func withFreshStore<Result: Sendable>(_ body: @Sendable (any ConferenceStore) async throws -> Result) async throws -> Result {
        let store = try PostgresConferenceStore(url: server.url(database: database))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await store.client.run() }
            defer { group.cancelAll() }
            return try await body(store)
        }
    }

    func query(_ sql: String) throws -> [String] {
        try server.runSQL(sql, database: database).split(separator: "\n").map(String.init)
    }

    /// Read in a session whose time zone is not UTC, so a time kept in local time would show.
    func storedExpiryTime(ofRoom name: String) throws -> String? {
        try query("""
            SET TIME ZONE 'America/Los_Angeles';
            SELECT coalesce(to_char(expiry_time AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS'), 'NULL')
            FROM parley_rooms WHERE name = '\(name)'
            """).first.flatMap { $0 == "NULL" ? nil : $0 }
    }

    /// Columns (type, nullability, default, collation) and constraints of the store's tables.
    func schemaDescription() throws -> [String] {
        try query("""
            SELECT table_name, column_name, data_type, is_nullable, column_default, collation_name
            FROM information_schema.columns WHERE table_name LIKE 'parley\\_room%'
            ORDER BY table_name, ordinal_position
            """)
            + query("""
            SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE conrelid::regclass::text LIKE 'parley\\_room%' ORDER BY 1, 2
            """)
    }

    func migrationIdentifiers() throws -> [String] {
        try query("SELECT identifier FROM parley_migrations ORDER BY identifier")
    }

    func remove() {
        _ = try? server.runSQL("DROP DATABASE IF EXISTS \"\(database)\" WITH (FORCE)", database: "postgres")
    }
}
