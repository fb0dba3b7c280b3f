import GRDB

/// The embedded ``IMCStore``: one SQLite file with Kamailio's `imc_rooms` / `imc_members` tables,
/// written through on every change.
///
/// A file made by Kamailio (`kamdbctl` with `db_sqlite`) is used as it is: its tables are not
/// changed, its rows are read with Kamailio's flag meanings, and nothing is wiped at load. A new
/// file gets the same tables through named migrations (``SQLiteIMCMigrations``).
///
/// Rooms and members are matched ignoring ASCII case (`COLLATE NOCASE`, as Kamailio's
/// `strncasecmp`) and keep the case they were first written with.
///
/// Durability: the file is in WAL mode with `synchronous = FULL`, so every commit fsyncs the WAL
/// before ``apply(_:)`` returns. WAL with `NORMAL` would already survive a killed process (the
/// committed frames are in the kernel's page cache), but not a power cut or kernel crash; room
/// changes are rare (joins, leaves, invitations), so one fsync per change costs nothing that
/// matters and "durable on return" holds for every kind of crash.
public final class SQLiteIMCStore: IMCStore {
    private let database: DatabasePool

    /// Opens (or creates) the SQLite file at `path` and brings its schema up to date.
    ///
    /// - Parameter busyTimeout: how long a write waits for another process (e.g. Kamailio) that
    ///   holds the file's write lock.
    public init(path: String, busyTimeout: Duration = .seconds(5)) throws {
        // A DatabasePool puts the file in WAL mode itself.
        database = try SQLiteStoreFile.open(
            path: path, busyTimeout: busyTimeout, with: DatabasePool.init(path:configuration:)
        )
        try SQLiteIMCMigrations.migrator.migrate(database)
    }

    /// Every stored room with its members in row id order (see ``StoredIMCRows/imRooms()``).
    public func loadRooms() async throws -> [IMRoom] {
        try await database.read { db in
            var rows = StoredIMCRows()
            rows.rooms = try Row.fetchAll(db, sql: "SELECT name, domain, flag FROM imc_rooms ORDER BY id").map { row in
                StoredIMCRows.Room(name: row["name"], domain: row["domain"], flag: row["flag"])
            }
            rows.members = try Row.fetchAll(db, sql: "SELECT username, domain, room, flag FROM imc_members ORDER BY id").map { row in
                StoredIMCRows.Member(username: row["username"], domain: row["domain"], room: row["room"], flag: row["flag"])
            }
            return rows.imRooms()
        }
    }

    /// Writes `changes` in order in one transaction, committed and synced before returning.
    ///
    /// - Throws: ``IMCStoreError`` if a change does not fit what is stored; nothing of the
    ///   batch is written then.
    public func apply(_ changes: [IMRoomChange]) async throws {
        try await database.write { db in
            for change in changes {
                try Self.apply(change, in: db)
            }
        }
    }

    private static func apply(_ change: IMRoomChange, in db: Database) throws {
        switch change {
        case let .roomCreated(room, isPrivate):
            guard try !roomExists(room, in: db) else { throw IMCStoreError(.roomExists, room: room) }
            try db.execute(
                sql: "INSERT INTO imc_rooms (name, domain, flag) VALUES (?, ?, ?)",
                arguments: [room.user, room.domain, IMRoom(address: room, isPrivate: isPrivate).kamailioFlag]
            )
        case let .roomDestroyed(room):
            try db.execute(sql: "DELETE FROM imc_members WHERE room = ? COLLATE NOCASE", arguments: [room.uri])
            try db.execute(
                sql: "DELETE FROM imc_rooms WHERE name = ? COLLATE NOCASE AND domain = ? COLLATE NOCASE",
                arguments: [room.user, room.domain]
            )
            guard db.changesCount > 0 else { throw IMCStoreError(.noSuchRoom, room: room) }
        case let .memberAdded(room, member):
            guard try roomExists(room, in: db) else { throw IMCStoreError(.noSuchRoom, room: room) }
            let existing = try Int.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) FROM imc_members
                    WHERE username = ? COLLATE NOCASE AND domain = ? COLLATE NOCASE AND room = ? COLLATE NOCASE
                    """,
                arguments: [member.address.user, member.address.domain, room.uri]
            ) ?? 0
            guard existing == 0 else { throw IMCStoreError(.memberExists, room: room, member: member.address) }
            try db.execute(
                sql: "INSERT INTO imc_members (username, domain, room, flag) VALUES (?, ?, ?, ?)",
                arguments: [member.address.user, member.address.domain, room.uri, member.kamailioFlag]
            )
        case let .memberUpdated(room, member):
            // In place: the row keeps its id, so the member keeps its place in the list order.
            try db.execute(
                sql: """
                    UPDATE imc_members SET flag = ?
                    WHERE username = ? COLLATE NOCASE AND domain = ? COLLATE NOCASE AND room = ? COLLATE NOCASE
                    """,
                arguments: [member.kamailioFlag, member.address.user, member.address.domain, room.uri]
            )
            guard db.changesCount > 0 else { throw IMCStoreError(.noSuchMember, room: room, member: member.address) }
        case let .memberRemoved(room, member):
            try db.execute(
                sql: """
                    DELETE FROM imc_members
                    WHERE username = ? COLLATE NOCASE AND domain = ? COLLATE NOCASE AND room = ? COLLATE NOCASE
                    """,
                arguments: [member.user, member.domain, room.uri]
            )
            guard db.changesCount > 0 else { throw IMCStoreError(.noSuchMember, room: room, member: member) }
        }
    }

    private static func roomExists(_ room: IMAddress, in db: Database) throws -> Bool {
        let count = try Int.fetchOne(
            db,
            sql: "SELECT COUNT(*) FROM imc_rooms WHERE name = ? COLLATE NOCASE AND domain = ? COLLATE NOCASE",
            arguments: [room.user, room.domain]
        )
        return (count ?? 0) > 0
    }
}
