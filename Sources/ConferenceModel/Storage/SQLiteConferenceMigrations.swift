import GRDB

/// The named, append-only migrations that give an SQLite file the conference store's tables.
///
/// They are recorded in GRDB's `grdb_migrations` table, which other migrators of the same file
/// (the bridge's call statistics) share: every identifier here is unique to the conference
/// store, and the tables are prefixed `parley_`. Later migrations add the managed API's tables
/// (`v2-users`, `v3-conferences`, …). Never edit a registered migration; add a new one.
enum SQLiteConferenceMigrations {
    /// The migrator, in the order the migrations must run.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-rooms") { db in
            // Names compare with SQLite's default BINARY collation: byte for byte, which is the
            // order loadRooms promises. `expiry_time` is UTC text as SQLite's date functions write
            // it (`YYYY-MM-DD HH:MM:SS.SSS`).
            try db.execute(sql: """
                CREATE TABLE parley_rooms (
                    name TEXT NOT NULL PRIMARY KEY,
                    number INTEGER,
                    admin_pin TEXT NOT NULL,
                    is_private BOOLEAN NOT NULL,
                    expiry_time TEXT,
                    profile TEXT NOT NULL,
                    is_locked BOOLEAN NOT NULL,
                    recording TEXT NOT NULL CHECK (recording IN ('off', 'on', 'paused'))
                );
                CREATE TABLE parley_room_invitations (
                    room TEXT NOT NULL REFERENCES parley_rooms (name) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    participant_id TEXT NOT NULL,
                    number TEXT NOT NULL,
                    PRIMARY KEY (room, position)
                );
                CREATE TABLE parley_room_settings (
                    room TEXT NOT NULL REFERENCES parley_rooms (name) ON DELETE CASCADE,
                    key TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (room, key)
                );
                """)
        }
        return migrator
    }
}
