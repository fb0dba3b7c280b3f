import Foundation
import GRDB

/// The embedded ``ConferenceStore``: the `parley_rooms`, `parley_room_invitations` and
/// `parley_room_settings` tables of one SQLite file, written through on every change.
///
/// The file may hold other tables, written by other connections of the same process or of
/// other processes (the bridge keeps its call statistics in it): the store adds only its own
/// tables and migrations (``SQLiteConferenceMigrations``), waits up to a busy timeout for
/// another connection's write lock, and takes the write lock at the start of each transaction
/// (GRDB's `BEGIN IMMEDIATE`), so a write never fails for having read first. Other writers of
/// the file need a busy timeout of their own to wait for this store's writes.
///
/// Durability: the file is in WAL mode with `synchronous = FULL`, so every commit fsyncs the WAL
/// before ``apply(_:)`` returns. WAL with `NORMAL` would already survive a killed process (the
/// committed frames are in the kernel's page cache), but not a power cut or kernel crash; room
/// changes are rare (creation, PIN, lock, invitations), so one fsync per change costs nothing
/// that matters and "durable on return" holds for every kind of crash.
public final class SQLiteConferenceStore: ConferenceStore {
    private let database: DatabaseQueue

    /// Opens (or creates) the SQLite file at `path`, switches it to WAL mode and brings the
    /// store's tables up to date.
    ///
    /// - Parameter busyTimeout: how long a write waits for another connection that holds the
    ///   file's write lock.
    public init(path: String, busyTimeout: Duration = .seconds(5)) throws {
        database = try SQLiteStoreFile.open(path: path, busyTimeout: busyTimeout) { path, configuration in
            let database = try DatabaseQueue(path: path, configuration: configuration)
            try SQLiteConferenceStore.switchToWAL(database, patience: busyTimeout)
            return database
        }
        do {
            try SQLiteConferenceMigrations.migrator.migrate(database)
        } catch {
            // GRDB reads which migrations have run before it takes the write lock for each one,
            // so a store opening the same new file at the same moment can run one in between and
            // this run then fails on a table that exists. Run again: it sees that migration
            // recorded; a failure that was not such a race happens again and is thrown.
            try SQLiteConferenceMigrations.migrator.migrate(database)
        }
    }

    /// Puts the file in WAL mode; once it is, the switch is a no-op (the file keeps the mode).
    ///
    /// Done here rather than by GRDB's `journalMode = .wal` because the busy timeout does not
    /// cover the switch: while another connection writes to a file still in rollback mode,
    /// `PRAGMA journal_mode = WAL` fails at once with `SQLITE_BUSY` (SQLite does not wait for a
    /// lock while holding the shared one it took to read the mode). So the switch is tried
    /// again, a few milliseconds apart, for up to `patience`, as the busy timeout would wait.
    private static func switchToWAL(_ database: DatabaseQueue, patience: Duration) throws {
        let clock = ContinuousClock()
        let deadline = clock.now + patience
        while true {
            do {
                let mode = try database.writeWithoutTransaction { db in
                    try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                }
                guard mode == "wal" else {
                    throw DatabaseError(message: "could not switch \(database.path) to WAL mode")
                }
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && clock.now < deadline {
                Thread.sleep(forTimeInterval: 0.005)
            }
        }
    }

    /// Every stored room, sorted by name in byte order, with its invitations in position order.
    ///
    /// - Throws: ``ConferenceStoreError`` (``ConferenceStoreError/Code/unreadableRoom``) if a
    ///   row holds a value this store does not write.
    public func loadRooms() async throws -> [StoredRoom] {
        try await database.read { db in
            // julianday() is exact to the millisecond (SQLite keeps times as integer
            // milliseconds); 2440587.5 is 1970-01-01 00:00 UTC as a Julian day.
            let rooms = try Row.fetchAll(db, sql: """
                SELECT name, number, admin_pin, is_private, expiry_time,
                    CAST(round((julianday(expiry_time) - 2440587.5) * 86400000) AS INTEGER) AS expiry_milliseconds,
                    profile, is_locked, recording
                FROM parley_rooms ORDER BY name
                """).map(Self.room(from:))
            let invitations = try Row.fetchAll(
                db, sql: "SELECT room, participant_id, number FROM parley_room_invitations ORDER BY room, position"
            ).map { row in
                (room: row["room"] as String, invitation: StoredInvitation(participantID: row["participant_id"], number: row["number"]))
            }
            let settings = try Row.fetchAll(db, sql: "SELECT room, key, value FROM parley_room_settings").map { row in
                (room: row["room"] as String, key: row["key"] as String, value: row["value"] as String)
            }
            return StoredRoom.rooms(rooms, invitations: invitations, settings: settings)
        }
    }

    /// Writes `changes` in order in one transaction, committed and synced before returning.
    ///
    /// - Throws: ``ConferenceStoreError`` if a change does not fit what is stored; nothing of
    ///   the batch is written then.
    public func apply(_ changes: [ConferenceStoreChange]) async throws {
        try await database.write { db in
            for change in changes {
                try Self.apply(change, in: db)
            }
        }
    }

    /// A `parley_rooms` row as a room without invitations and settings.
    private static func room(from row: Row) throws -> StoredRoom {
        let name: String = row["name"]
        let expiryMilliseconds: Int64? = row["expiry_milliseconds"]
        // julianday() is NULL for text that is not a date: a room whose expiry cannot be read.
        guard expiryMilliseconds != nil || row["expiry_time"] as String? == nil else {
            throw ConferenceStoreError(.unreadableRoom, room: name)
        }
        return try StoredRoom.loaded(
            name: name, number: row["number"], adminPIN: row["admin_pin"], isPrivate: row["is_private"],
            expiryMilliseconds: expiryMilliseconds, profile: row["profile"], isLocked: row["is_locked"],
            recording: row["recording"]
        )
    }

    private static func apply(_ change: ConferenceStoreChange, in db: Database) throws {
        switch change {
        case let .roomSaved(room):
            let expiryMilliseconds = try room.expiryMilliseconds
            // An upsert, not INSERT OR REPLACE: REPLACE deletes the old row first, which would
            // cascade to the invitations and settings through the foreign keys.
            try db.execute(
                sql: """
                    INSERT INTO parley_rooms (name, number, admin_pin, is_private, expiry_time, profile, is_locked, recording)
                    VALUES (?, ?, ?, ?, strftime('%Y-%m-%d %H:%M:%f', ? / 1000.0, 'unixepoch'), ?, ?, ?)
                    ON CONFLICT (name) DO UPDATE SET
                        number = excluded.number, admin_pin = excluded.admin_pin, is_private = excluded.is_private,
                        expiry_time = excluded.expiry_time, profile = excluded.profile,
                        is_locked = excluded.is_locked, recording = excluded.recording
                    """,
                arguments: [
                    room.name, room.number, room.adminPIN, room.isPrivate, expiryMilliseconds,
                    room.profile, room.isLocked, room.recording.rawValue,
                ]
            )
            try deleteInvitationsAndSettings(of: room.name, in: db)
            let insertInvitation = try db.cachedStatement(
                sql: "INSERT INTO parley_room_invitations (room, position, participant_id, number) VALUES (?, ?, ?, ?)"
            )
            for (position, invitation) in room.invitations.enumerated() {
                try insertInvitation.execute(arguments: [room.name, position, invitation.participantID, invitation.number])
            }
            let insertSetting = try db.cachedStatement(
                sql: "INSERT INTO parley_room_settings (room, key, value) VALUES (?, ?, ?)"
            )
            for (key, value) in room.settings {
                try insertSetting.execute(arguments: [room.name, key, value])
            }
        case let .roomDeleted(name):
            // Explicit, not left to ON DELETE CASCADE: foreign keys are enforced only on
            // connections that turn them on, and GRDB's are the only ones that do by default.
            try deleteInvitationsAndSettings(of: name, in: db)
            try db.execute(sql: "DELETE FROM parley_rooms WHERE name = ?", arguments: [name])
            guard db.changesCount > 0 else { throw ConferenceStoreError(.noSuchRoom, room: name) }
        }
    }

    private static func deleteInvitationsAndSettings(of room: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM parley_room_invitations WHERE room = ?", arguments: [room])
        try db.execute(sql: "DELETE FROM parley_room_settings WHERE room = ?", arguments: [room])
    }
}
