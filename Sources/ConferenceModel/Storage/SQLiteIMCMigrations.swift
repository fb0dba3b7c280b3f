import GRDB

/// The named, append-only migrations that give an SQLite file Kamailio's IMC schema.
///
/// The statements are those of Kamailio's `db_sqlite/standard-create.sql` and `imc-create.sql`
/// (as `kamdbctl` runs them), each made conditional: a file Kamailio made already has the tables
/// and keeps them exactly as they are, so Kamailio can open the file again afterwards. Never edit
/// a registered migration; add a new one.
enum SQLiteIMCMigrations {
    /// The migrator, in the order the migrations must run.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("createKamailioVersionTable") { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS version (
                    id INTEGER PRIMARY KEY NOT NULL,
                    table_name VARCHAR(32) NOT NULL,
                    table_version INTEGER DEFAULT 0 NOT NULL,
                    CONSTRAINT version_table_name_idx UNIQUE (table_name)
                );
                """)
            try recordVersion(of: "version", in: db)
        }
        migrator.registerMigration("createKamailioIMCTables") { db in
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS imc_rooms (
                    id INTEGER PRIMARY KEY NOT NULL,
                    name VARCHAR(64) NOT NULL,
                    domain VARCHAR(64) NOT NULL,
                    flag INTEGER NOT NULL,
                    CONSTRAINT imc_rooms_name_domain_idx UNIQUE (name, domain)
                );
                """)
            try recordVersion(of: "imc_rooms", in: db)
            try db.execute(sql: """
                CREATE TABLE IF NOT EXISTS imc_members (
                    id INTEGER PRIMARY KEY NOT NULL,
                    username VARCHAR(64) NOT NULL,
                    domain VARCHAR(64) NOT NULL,
                    room VARCHAR(64) NOT NULL,
                    flag INTEGER NOT NULL,
                    CONSTRAINT imc_members_account_room_idx UNIQUE (username, domain, room)
                );
                """)
            try recordVersion(of: "imc_members", in: db)
        }
        return migrator
    }

    /// Adds the `version` row Kamailio's create script adds (table version 1), unless the file
    /// already has one for that table.
    private static func recordVersion(of table: String, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO version (table_name, table_version)
                SELECT ?, 1 WHERE NOT EXISTS (SELECT 1 FROM version WHERE table_name = ?)
                """,
            arguments: [table, table]
        )
    }
}
