import Foundation
import Logging
import PostgresNIO

/// The ``ConferenceStore`` for several nodes sharing rooms: the `parley_rooms`,
/// `parley_room_invitations` and `parley_room_settings` tables in PostgreSQL, written through on
/// every change.
///
/// The store talks through ``client``, a `PostgresClient` that only works while its `run()` is
/// running: add ``client`` to the executable's `ServiceGroup` (it is a ServiceLifecycle
/// `Service`) or run it in a task that outlives the store's use, and cancel that task to close
/// it. The store does not run the client itself, so that one running client can be owned by one
/// place and its shutdown ordered with the other services.
///
/// The schema is brought up to date (``PostgresConferenceMigrations``, idempotent, serialised
/// between nodes by an advisory lock) before the first ``loadRooms()`` or ``apply(_:)``.
/// Durability: each ``apply(_:)`` is one transaction whose `COMMIT` returns only after
/// PostgreSQL has flushed its WAL (`synchronous_commit = on`, the server default).
public final class PostgresConferenceStore: ConferenceStore {
    /// The client the store uses; run it (see the type's documentation).
    public let client: PostgresClient
    private let logger: Logger
    private let schemaPreparation: PostgresSchemaPreparation

    /// Uses `client`, which the caller runs.
    public init(client: PostgresClient, logger: Logger = Logger(label: "parley.conference.postgres")) {
        self.client = client
        self.logger = logger
        schemaPreparation = PostgresSchemaPreparation(
            PostgresConferenceMigrations.migrator, client: client, logger: logger
        )
    }

    /// Creates a client for `configuration`; the caller runs ``client``.
    public convenience init(
        configuration: PostgresClient.Configuration,
        logger: Logger = Logger(label: "parley.conference.postgres")
    ) {
        self.init(client: PostgresClient(configuration: configuration, backgroundLogger: logger), logger: logger)
    }

    /// Creates a client for a URL such as `postgres://parley@127.0.0.1:5432/parley` (see
    /// ``PostgresConnectionURL``); the caller runs ``client``.
    public convenience init(url: String, logger: Logger = Logger(label: "parley.conference.postgres")) throws {
        self.init(configuration: try PostgresConnectionURL(url).configuration, logger: logger)
    }

    /// Every stored room, sorted by name in byte order, with its invitations in position order.
    ///
    /// The three tables are read in one `REPEATABLE READ` transaction, so a room and its rows
    /// come from one snapshot even while another node writes.
    ///
    /// - Throws: ``ConferenceStoreError`` (``ConferenceStoreError/Code/unreadableRoom``) if a
    ///   row holds a value this store does not write.
    public func loadRooms() async throws -> [StoredRoom] {
        try await schemaPreparation.prepare()
        let logger = logger
        return try await client.withStoreTransaction(logger: logger) { connection in
            try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
            var rooms: [StoredRoom] = []
            // Milliseconds since 1970 computed by the server, exactly (see
            // StoredRoom.milliseconds(of:)); extract() counts in UTC.
            for try await (name, number, adminPIN, isPrivate, expiryMilliseconds, profile, isLocked, recording) in try await connection.query(
                """
                SELECT name, number, admin_pin, is_private, round(extract(epoch FROM expiry_time) * 1000)::bigint,
                    profile, is_locked, recording
                FROM parley_rooms ORDER BY name
                """,
                logger: logger
            ).decode((String, Int?, String, Bool, Int64?, String, Bool, String).self) {
                rooms.append(try StoredRoom.loaded(
                    name: name, number: number, adminPIN: adminPIN, isPrivate: isPrivate,
                    expiryMilliseconds: expiryMilliseconds, profile: profile, isLocked: isLocked, recording: recording
                ))
            }
            var invitations: [(room: String, invitation: StoredInvitation)] = []
            for try await (room, participantID, number) in try await connection.query(
                "SELECT room, participant_id, number FROM parley_room_invitations ORDER BY room, position",
                logger: logger
            ).decode((String, String, String).self) {
                invitations.append((room, StoredInvitation(participantID: participantID, number: number)))
            }
            var settings: [(room: String, key: String, value: String)] = []
            for try await (room, key, value) in try await connection.query(
                "SELECT room, key, value FROM parley_room_settings", logger: logger
            ).decode((String, String, String).self) {
                settings.append((room, key, value))
            }
            return StoredRoom.rooms(rooms, invitations: invitations, settings: settings)
        }
    }

    /// Writes `changes` in order in one transaction, committed before returning.
    ///
    /// - Throws: ``ConferenceStoreError`` if a change does not fit what is stored; nothing of
    ///   the batch is written then.
    public func apply(_ changes: [ConferenceStoreChange]) async throws {
        try await schemaPreparation.prepare()
        let logger = logger
        try await client.withStoreTransaction(logger: logger) { connection in
            for change in changes {
                try await Self.apply(change, on: connection, logger: logger)
            }
        }
    }

    private static func apply(_ change: ConferenceStoreChange, on connection: PostgresConnection, logger: Logger) async throws {
        switch change {
        case let .roomSaved(room):
            let expiryMilliseconds = try room.expiryMilliseconds
            // The instant is built from the integer by the server: an exact microsecond count,
            // where a bound Date would go through a Double once more.
            try await connection.query(
                """
                INSERT INTO parley_rooms (name, number, admin_pin, is_private, expiry_time, profile, is_locked, recording)
                VALUES (\(room.name), \(room.number), \(room.adminPIN), \(room.isPrivate),
                    'epoch'::timestamptz + \(expiryMilliseconds)::bigint * interval '1 millisecond',
                    \(room.profile), \(room.isLocked), \(room.recording.rawValue))
                ON CONFLICT (name) DO UPDATE SET
                    number = excluded.number, admin_pin = excluded.admin_pin, is_private = excluded.is_private,
                    expiry_time = excluded.expiry_time, profile = excluded.profile,
                    is_locked = excluded.is_locked, recording = excluded.recording
                """,
                logger: logger
            )
            try await deleteInvitationsAndSettings(of: room.name, on: connection, logger: logger)
            for (position, invitation) in room.invitations.enumerated() {
                try await connection.query(
                    """
                    INSERT INTO parley_room_invitations (room, position, participant_id, number)
                    VALUES (\(room.name), \(position), \(invitation.participantID), \(invitation.number))
                    """,
                    logger: logger
                )
            }
            for (key, value) in room.settings {
                try await connection.query(
                    "INSERT INTO parley_room_settings (room, key, value) VALUES (\(room.name), \(key), \(value))",
                    logger: logger
                )
            }
        case let .roomDeleted(name):
            // Deleted explicitly rather than by ON DELETE CASCADE, as the SQLite store must (see
            // there), so that both stores run the same statements.
            try await deleteInvitationsAndSettings(of: name, on: connection, logger: logger)
            let deleted = try await connection.query(
                "DELETE FROM parley_rooms WHERE name = \(name) RETURNING name", logger: logger
            ).collect().count
            guard deleted > 0 else { throw ConferenceStoreError(.noSuchRoom, room: name) }
        }
    }

    private static func deleteInvitationsAndSettings(of room: String, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("DELETE FROM parley_room_invitations WHERE room = \(room)", logger: logger)
        try await connection.query("DELETE FROM parley_room_settings WHERE room = \(room)", logger: logger)
    }
}
