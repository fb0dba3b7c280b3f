import PostgresNIO

/// The named, append-only migrations that give a PostgreSQL database the conference store's
/// tables, run and recorded in `parley_migrations` by a ``PostgresMigrator`` as
/// ``PostgresIMCMigrations`` are (the two may share a database: every identifier here is unique
/// to the conference store).
///
/// Later migrations add the managed API's tables (`v2-users`, `v3-conferences`, …). Never edit a
/// registered migration; add a new one.
enum PostgresConferenceMigrations {
    /// The migrations, in the order they must run.
    ///
    /// Room names are `COLLATE "C"`: compared and sorted byte for byte whatever the database's
    /// locale, which is the order ``ConferenceStore/loadRooms()`` promises. `expiry_time` is a
    /// `timestamptz`, an instant kept in UTC whatever the session's time zone.
    static let migrator = PostgresMigrator(migrations: [
        PostgresMigrator.Migration(identifier: "v1-rooms", statements: [
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
    ])
}
