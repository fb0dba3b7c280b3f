import PostgresNIO

/// The named, append-only migrations that give a PostgreSQL database Kamailio's IMC schema,
/// run and recorded in `parley_migrations` by a ``PostgresMigrator``.
///
/// The statements are those of Kamailio's `postgres/standard-create.sql` and `imc-create.sql`
/// (`SERIAL` ids), each made conditional so that a database Kamailio made keeps its tables as
/// they are. Never edit a registered migration; add a new one.
enum PostgresIMCMigrations {
    /// The migrations, in the order they must run.
    static let migrator = PostgresMigrator(migrations: [
        PostgresMigrator.Migration(identifier: "createKamailioVersionTable", statements: [
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
        PostgresMigrator.Migration(identifier: "createKamailioIMCTables", statements: [
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
    ])

    /// Adds the `version` row Kamailio's create script adds (table version 1), unless the
    /// database already has one for that table.
    private static func recordVersion(of table: String) -> PostgresQuery {
        """
        INSERT INTO version (table_name, table_version)
        SELECT \(table), 1 WHERE NOT EXISTS (SELECT 1 FROM version WHERE table_name = \(table))
        """
    }
}
