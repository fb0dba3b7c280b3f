import Logging
import PostgresNIO

/// The ``IMCStore`` for several nodes sharing rooms: Kamailio's `imc_rooms` / `imc_members`
/// tables in PostgreSQL, written through on every change.
///
/// The store talks through ``client``, a `PostgresClient` that only works while its `run()` is
/// running: add ``client`` to the executable's `ServiceGroup` (it is a ServiceLifecycle
/// `Service`) or run it in a task that outlives the store's use, and cancel that task to close
/// it. The store does not run the client itself, so that one running client can be owned by one
/// place and its shutdown ordered with the other services.
///
/// The schema is brought up to date (``PostgresIMCMigrations``, idempotent, serialised between
/// nodes by an advisory lock) before the first ``loadRooms()`` or ``apply(_:)``. A database
/// Kamailio made keeps its tables as they are.
///
/// Rooms and members are matched ignoring case (`lower()` on both sides, as Kamailio's
/// `strncasecmp`) and keep the case they were first written with. Durability: each ``apply(_:)``
/// is one transaction whose `COMMIT` returns only after PostgreSQL has flushed its WAL
/// (`synchronous_commit = on`, the server default).
public final class PostgresIMCStore: IMCStore {
    /// The client the store uses; run it (see the type's documentation).
    public let client: PostgresClient
    private let logger: Logger
    private let schemaPreparation: PostgresSchemaPreparation

    /// Uses `client`, which the caller runs.
    public init(client: PostgresClient, logger: Logger = Logger(label: "parley.imc.postgres")) {
        self.client = client
        self.logger = logger
        schemaPreparation = PostgresSchemaPreparation(PostgresIMCMigrations.migrator, client: client, logger: logger)
    }

    /// Creates a client for `configuration`; the caller runs ``client``.
    public convenience init(
        configuration: PostgresClient.Configuration,
        logger: Logger = Logger(label: "parley.imc.postgres")
    ) {
        self.init(client: PostgresClient(configuration: configuration, backgroundLogger: logger), logger: logger)
    }

    /// Creates a client for a URL such as `postgres://parley@127.0.0.1:5432/kamailio` (see
    /// ``PostgresConnectionURL``); the caller runs ``client``.
    public convenience init(url: String, logger: Logger = Logger(label: "parley.imc.postgres")) throws {
        self.init(configuration: try PostgresConnectionURL(url).configuration, logger: logger)
    }

    /// Every stored room with its members in row id order (see ``StoredIMCRows/imRooms()``).
    public func loadRooms() async throws -> [IMRoom] {
        try await schemaPreparation.prepare()
        var rows = StoredIMCRows()
        for try await (name, domain, flag) in try await client.query(
            "SELECT name, domain, flag FROM imc_rooms ORDER BY id", logger: logger
        ).decode((String, String, Int).self) {
            rows.rooms.append(StoredIMCRows.Room(name: name, domain: domain, flag: flag))
        }
        for try await (username, domain, room, flag) in try await client.query(
            "SELECT username, domain, room, flag FROM imc_members ORDER BY id", logger: logger
        ).decode((String, String, String, Int).self) {
            rows.members.append(StoredIMCRows.Member(username: username, domain: domain, room: room, flag: flag))
        }
        return rows.imRooms()
    }

    /// Writes `changes` in order in one transaction, committed before returning.
    ///
    /// - Throws: ``IMCStoreError`` if a change does not fit what is stored; nothing of the
    ///   batch is written then.
    public func apply(_ changes: [IMRoomChange]) async throws {
        try await schemaPreparation.prepare()
        let logger = logger
        try await client.withStoreTransaction(logger: logger) { connection in
            for change in changes {
                try await Self.apply(change, on: connection, logger: logger)
            }
        }
    }

    private static func apply(_ change: IMRoomChange, on connection: PostgresConnection, logger: Logger) async throws {
        switch change {
        case let .roomCreated(room, isPrivate):
            guard try await !roomExists(room, on: connection, logger: logger) else {
                throw IMCStoreError(.roomExists, room: room)
            }
            let flag = IMRoom(address: room, isPrivate: isPrivate).kamailioFlag
            try await connection.query(
                "INSERT INTO imc_rooms (name, domain, flag) VALUES (\(room.user), \(room.domain), \(flag))",
                logger: logger
            )
        case let .roomDestroyed(room):
            try await connection.query("DELETE FROM imc_members WHERE lower(room) = lower(\(room.uri))", logger: logger)
            let deleted = try await count(
                """
                DELETE FROM imc_rooms WHERE lower(name) = lower(\(room.user)) AND lower(domain) = lower(\(room.domain))
                RETURNING id
                """,
                on: connection, logger: logger
            )
            guard deleted > 0 else { throw IMCStoreError(.noSuchRoom, room: room) }
        case let .memberAdded(room, member):
            guard try await roomExists(room, on: connection, logger: logger) else {
                throw IMCStoreError(.noSuchRoom, room: room)
            }
            let existing = try await count(
                """
                SELECT id FROM imc_members WHERE lower(username) = lower(\(member.address.user))
                AND lower(domain) = lower(\(member.address.domain)) AND lower(room) = lower(\(room.uri))
                """,
                on: connection, logger: logger
            )
            guard existing == 0 else { throw IMCStoreError(.memberExists, room: room, member: member.address) }
            try await connection.query(
                """
                INSERT INTO imc_members (username, domain, room, flag)
                VALUES (\(member.address.user), \(member.address.domain), \(room.uri), \(member.kamailioFlag))
                """,
                logger: logger
            )
        case let .memberUpdated(room, member):
            // In place: the row keeps its id, so the member keeps its place in the list order.
            let updated = try await count(
                """
                UPDATE imc_members SET flag = \(member.kamailioFlag) WHERE lower(username) = lower(\(member.address.user))
                AND lower(domain) = lower(\(member.address.domain)) AND lower(room) = lower(\(room.uri))
                RETURNING id
                """,
                on: connection, logger: logger
            )
            guard updated > 0 else { throw IMCStoreError(.noSuchMember, room: room, member: member.address) }
        case let .memberRemoved(room, member):
            let deleted = try await count(
                """
                DELETE FROM imc_members WHERE lower(username) = lower(\(member.user))
                AND lower(domain) = lower(\(member.domain)) AND lower(room) = lower(\(room.uri))
                RETURNING id
                """,
                on: connection, logger: logger
            )
            guard deleted > 0 else { throw IMCStoreError(.noSuchMember, room: room, member: member) }
        }
    }

    private static func roomExists(_ room: IMAddress, on connection: PostgresConnection, logger: Logger) async throws -> Bool {
        let matching = try await count(
            "SELECT id FROM imc_rooms WHERE lower(name) = lower(\(room.user)) AND lower(domain) = lower(\(room.domain))",
            on: connection, logger: logger
        )
        return matching > 0
    }

    /// The number of rows `query` returns (for `UPDATE`/`DELETE … RETURNING id`: rows changed).
    private static func count(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws -> Int {
        try await connection.query(query, logger: logger).collect().count
    }
}
