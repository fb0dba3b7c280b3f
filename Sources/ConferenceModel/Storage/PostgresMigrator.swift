import Logging
import PostgresNIO

/// Runs named, append-only migrations on a PostgreSQL database and records each in
/// `parley_migrations` (GRDB's `DatabaseMigrator` keeps `grdb_migrations` the same way).
///
/// Every store of a database migrates through one of these with its own list
/// (``PostgresIMCMigrations``, ``PostgresConferenceMigrations``), so the identifiers of all the
/// lists must differ.
struct PostgresMigrator: Sendable {
    /// One migration: its name and its statements (one statement per query, as the extended
    /// query protocol requires).
    struct Migration: Sendable {
        var identifier: String
        var statements: [PostgresQuery]
    }

    /// The migrations, in the order they must run.
    var migrations: [Migration]

    /// Key of the transaction-scoped advisory lock that lets one node at a time migrate. One key
    /// for every list: all of them create and fill `parley_migrations`, and
    /// `CREATE TABLE IF NOT EXISTS` is not atomic, so every migrator of a database must wait for
    /// the others, whichever store it serves.
    private static let advisoryLockKey = 0x7061_726C_6579_696D // "parleyim"

    /// Runs, in one transaction, every migration not yet recorded.
    func migrate(_ client: PostgresClient, logger: Logger) async throws {
        try await client.withStoreTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(Self.advisoryLockKey))", logger: logger)
            try await connection.query(
                "CREATE TABLE IF NOT EXISTS parley_migrations (identifier TEXT NOT NULL PRIMARY KEY)",
                logger: logger
            )
            var applied: Set<String> = []
            for try await identifier in try await connection.query(
                "SELECT identifier FROM parley_migrations", logger: logger
            ).decode(String.self) {
                applied.insert(identifier)
            }
            for migration in migrations where !applied.contains(migration.identifier) {
                for statement in migration.statements {
                    try await connection.query(statement, logger: logger)
                }
                try await connection.query(
                    "INSERT INTO parley_migrations (identifier) VALUES (\(migration.identifier))",
                    logger: logger
                )
            }
        }
    }
}
