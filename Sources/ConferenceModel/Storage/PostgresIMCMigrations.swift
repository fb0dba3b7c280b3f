import Logging
import PostgresNIO

/// The named, append-only migrations that give a PostgreSQL database Kamailio's IMC schema,
/// recorded in `parley_migrations` (GRDB's `DatabaseMigrator` keeps `grdb_migrations` the same way).
///
/// The statements are those of Kamailio's `postgres/standard-create.sql` and `imc-create.sql`
/// (`SERIAL` ids), each made conditional so that a database Kamailio made keeps its tables as
/// they are. Never edit a registered migration; add a new one.
enum PostgresIMCMigrations {
    /// One migration: its name and its statements (one statement per query, as the extended
    /// query protocol requires).
    struct Migration {
        var identifier: String
        var statements: [PostgresQuery]
    }

    /// The migrations, in the order they must run.
    static let all: [Migration] = [
        Migration(identifier: "createKamailioVersionTable", statements: [
            """
            CREATE TABLE IF NOT EXISTS version (
                id SERIAL PRIMARY KEY NOT NULL,
                table_name VARCHAR(32) NOT NULL,
                table_version INTEGER DEFAULT 0 NOT NULL,
                CONSTRAINT version_table_name_idx UNIQUE (table_name)
            )
            """,
            recordVersion(of: "version"),
        ]),
        Migration(identifier: "createKamailioIMCTables", statements: [
            """
            CREATE TABLE IF NOT EXISTS imc_rooms (
                id SERIAL PRIMARY KEY NOT NULL,
                name VARCHAR(64) NOT NULL,
                domain VARCHAR(64) NOT NULL,
                flag INTEGER NOT NULL,
                CONSTRAINT imc_rooms_name_domain_idx UNIQUE (name, domain)
            )
            """,
            recordVersion(of: "imc_rooms"),
            """
            CREATE TABLE IF NOT EXISTS imc_members (
                id SERIAL PRIMARY KEY NOT NULL,
                username VARCHAR(64) NOT NULL,
                domain VARCHAR(64) NOT NULL,
                room VARCHAR(64) NOT NULL,
                flag INTEGER NOT NULL,
                CONSTRAINT imc_members_account_room_idx UNIQUE (username, domain, room)
            )
            """,
            recordVersion(of: "imc_members"),
        ]),
    ]

    /// Key of the transaction-scoped advisory lock that lets one node at a time migrate, so nodes
    /// starting together do not race on `CREATE TABLE IF NOT EXISTS` (which is not atomic).
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

    /// Adds the `version` row Kamailio's create script adds (table version 1), unless the
    /// database already has one for that table.
    private static func recordVersion(of table: String) -> PostgresQuery {
        """
        INSERT INTO version (table_name, table_version)
        SELECT \(table), 1 WHERE NOT EXISTS (SELECT 1 FROM version WHERE table_name = \(table))
        """
    }
}
