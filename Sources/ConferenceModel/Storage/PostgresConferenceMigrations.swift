import Logging
import PostgresNIO

/// The named, append-only migrations that give a PostgreSQL database the conference store's
/// tables, recorded in `parley_migrations` as ``PostgresIMCMigrations`` records its own (the two
/// may share a database: every identifier here is unique to the conference store).
///
/// Later migrations add the managed API's tables (`v2-users`, `v3-conferences`, …). Never edit a
/// registered migration; add a new one.
enum PostgresConferenceMigrations {
    /// One migration: its name and its statements (one statement per query, as the extended
    /// query protocol requires).
    struct Migration {
        var identifier: String
        var statements: [PostgresQuery]
    }

    /// The migrations, in the order they must run.
    ///
    /// Room names are `COLLATE "C"`: compared and sorted byte for byte whatever the database's
    /// locale, which is the order ``ConferenceStore/loadRooms()`` promises. `expiry_time` is a
    /// `timestamptz`, an instant kept in UTC whatever the session's time zone.
    static let all: [Migration] = [
        Migration(identifier: "v1-rooms", statements: [
            """
            CREATE TABLE parley_rooms (
                name TEXT COLLATE "C" NOT NULL PRIMARY KEY,
                number BIGINT,
                admin_pin TEXT NOT NULL,
                is_private BOOLEAN NOT NULL,
                expiry_time TIMESTAMPTZ,
                profile TEXT NOT NULL,
                is_locked BOOLEAN NOT NULL,
                recording TEXT NOT NULL CHECK (recording IN ('off', 'on', 'paused'))
            )
            """,
            """
            CREATE TABLE parley_room_invitations (
                room TEXT COLLATE "C" NOT NULL REFERENCES parley_rooms (name) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                participant_id TEXT NOT NULL,
                number TEXT NOT NULL,
                PRIMARY KEY (room, position)
            )
            """,
            """
            CREATE TABLE parley_room_settings (
                room TEXT COLLATE "C" NOT NULL REFERENCES parley_rooms (name) ON DELETE CASCADE,
                key TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (room, key)
            )
            """,
        ]),
    ]

    /// Key of the transaction-scoped advisory lock that lets one node at a time migrate. It is
    /// the key ``PostgresIMCMigrations`` takes: both create and fill `parley_migrations`, and
    /// `CREATE TABLE IF NOT EXISTS` is not atomic, so every migrator of a database must wait for
    /// the others.
    private static let advisoryLockKey = 0x7061_726C_6579_696D // "parleyim"

    /// Runs, in one transaction, every migration not yet recorded.
    static func migrate(_ client: PostgresClient, logger: Logger) async throws {
        do {
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(advisoryLockKey))", logger: logger)
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
                for migration in all where !applied.contains(migration.identifier) {
                    for statement in migration.statements {
                        try await connection.query(statement, logger: logger)
                    }
                    try await connection.query(
                        "INSERT INTO parley_migrations (identifier) VALUES (\(migration.identifier))",
                        logger: logger
                    )
                }
            }
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error
        }
    }
}
