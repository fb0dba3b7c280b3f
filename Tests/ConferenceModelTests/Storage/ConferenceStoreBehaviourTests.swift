import ConferenceModel
import Foundation
import Testing

/// What every ``ConferenceStore`` must do, run against SQLite files and a real PostgreSQL server.
@Suite(.sharedPostgresTestServer)
struct ConferenceStoreBehaviourTests {
    /// 2025-06-15 15:06:40.250 UTC.
    private let expiry = Date(timeIntervalSince1970: 1_750_000_000.250)
    private let alice = StoredInvitation(participantID: "p-alice", number: "sip:alice@example.org")
    private let bob = StoredInvitation(participantID: "p-bob", number: "+493012345678")
    private let carol = StoredInvitation(participantID: "p-carol", number: "carol")
    private let dave = StoredInvitation(participantID: "p-dave", number: "sip:dave@example.com;transport=tcp")

    private func withHarness(_ backend: ConferenceStoreBackend, _ body: (any ConferenceStoreHarness) async throws -> Void) async throws {
        let harness = try backend.makeHarness()
        defer { harness.remove() }
        try await body(harness)
    }

    /// A room with every field set away from its default.
    private var fullRoom: StoredRoom {
        StoredRoom(
            name: "4711", number: 5_550_100, adminPIN: "8642", isPrivate: true, expiryTime: expiry,
            profile: "webinar", isLocked: true, recording: .paused, invitations: [alice, bob],
            settings: ["language": "de", "mute_on_join": "true", "greeting": "Willkommen, ça va?"]
        )
    }

    @Test("every field of a room survives a reload", arguments: ConferenceStoreBackend.allCases)
    func roundTripOfEveryField(backend: ConferenceStoreBackend) async throws {
        try await withHarness(backend) { harness in
            let plain = StoredRoom(name: "lobby", adminPIN: "")
            let recording = StoredRoom(name: "town-hall", number: 0, adminPIN: "1", recording: .on, settings: ["": ""])
            try await harness.apply([.roomSaved(recording), .roomSaved(plain), .roomSaved(fullRoom)])

            let rooms = try await harness.loadRooms()

            #expect(rooms == [fullRoom, plain, recording])
            #expect(try harness.storedExpiryTime(ofRoom: "4711") == "2025-06-15 15:06:40.250")
            #expect(try harness.storedExpiryTime(ofRoom: "lobby") == nil)
        }
    }

    @Test("expiry times are kept to the millisecond, from the year 0000 to 9999", arguments: ConferenceStoreBackend.allCases)
    func expiryTimePrecisionAndRange(backend: ConferenceStoreBackend) async throws {
        try await withHarness(backend) { harness in
            let times: [(saved: Date, loaded: Date)] = [
                (Date(timeIntervalSince1970: 1_750_000_000.1234), Date(timeIntervalSince1970: 1_750_000_000.123)),
                (Date(timeIntervalSince1970: 1_750_000_059.9996), Date(timeIntervalSince1970: 1_750_000_060)),
                (Date(timeIntervalSince1970: -1.5), Date(timeIntervalSince1970: -1.5)),
                (Date(timeIntervalSince1970: -62_167_219_200), Date(timeIntervalSince1970: -62_167_219_200)),
                (Date(timeIntervalSince1970: 253_402_300_799.999), Date(timeIntervalSince1970: 253_402_300_799.999)),
            ]
            let names = times.indices.map { "room-\($0)" }
            try await harness.apply(zip(names, times).map { name, time in
                .roomSaved(StoredRoom(name: name, adminPIN: "", expiryTime: time.saved))
            })

            let loaded = try await harness.loadRooms()

            #expect(loaded.map(\.name) == names)
            #expect(loaded.map(\.expiryTime) == times.map(\.loaded))
            #expect(try harness.storedExpiryTime(ofRoom: "room-1") == "2025-06-15 15:07:40.000")

            let tooLate = StoredRoom(name: "forever", adminPIN: "", expiryTime: Date(timeIntervalSince1970: 253_402_300_800))
            await #expect(throws: ConferenceStoreError(.expiryTimeOutOfRange, room: "forever")) {
                try await harness.apply([.roomSaved(tooLate)])
            }
            let tooEarly = StoredRoom(name: "ancient", adminPIN: "", expiryTime: Date(timeIntervalSince1970: -62_167_219_200.001))
            await #expect(throws: ConferenceStoreError(.expiryTimeOutOfRange, room: "ancient")) {
                try await harness.apply([.roomSaved(tooEarly)])
            }
            #expect(try await harness.loadRooms().map(\.name) == names)
        }
    }

    @Test("saving a room again replaces it, its invitations in their new order and its settings",
          arguments: ConferenceStoreBackend.allCases)
    func replaceKeepsTheNewInvitationOrder(backend: ConferenceStoreBackend) async throws {
        try await withHarness(backend) { harness in
            var room = fullRoom
            room.invitations = [alice, bob, carol]
            try await harness.apply([.roomSaved(room)])

            let replaced = StoredRoom(
                name: room.name, adminPIN: "1357", recording: .on,
                invitations: [carol, alice, dave], settings: ["language": "fr", "layout": "grid"]
            )
            try await harness.apply([.roomSaved(replaced)])

            #expect(try await harness.loadRooms() == [replaced])
            #expect(try harness.query("SELECT position, participant_id FROM parley_room_invitations ORDER BY position") == [
                "0|p-carol", "1|p-alice", "2|p-dave",
            ])
            #expect(try harness.query("SELECT key, value FROM parley_room_settings ORDER BY key") == [
                "language|fr", "layout|grid",
            ])
        }
    }

    @Test("deleting a room removes its invitations and settings, and only its own", arguments: ConferenceStoreBackend.allCases)
    func deleteRemovesInvitationsAndSettings(backend: ConferenceStoreBackend) async throws {
        try await withHarness(backend) { harness in
            let kept = StoredRoom(name: "kept", adminPIN: "2", invitations: [carol], settings: ["language": "en"])
            try await harness.apply([.roomSaved(fullRoom), .roomSaved(kept)])

            try await harness.apply([.roomDeleted(name: fullRoom.name)])

            #expect(try await harness.loadRooms() == [kept])
            #expect(try harness.query("SELECT room, participant_id FROM parley_room_invitations") == ["kept|p-carol"])
            #expect(try harness.query("SELECT room, key FROM parley_room_settings") == ["kept|language"])

            // A room saved again under the name starts with nothing of the deleted one.
            let again = StoredRoom(name: fullRoom.name, adminPIN: "")
            try await harness.apply([.roomSaved(again)])
            #expect(try await harness.loadRooms() == [again, kept])
        }
    }

    @Test("a batch's changes apply in order", arguments: ConferenceStoreBackend.allCases)
    func batchAppliesInOrder(backend: ConferenceStoreBackend) async throws {
        try await withHarness(backend) { harness in
            let second = StoredRoom(name: fullRoom.name, adminPIN: "9", invitations: [dave])
            let other = StoredRoom(name: "other", adminPIN: "3")

            try await harness.apply([
                .roomSaved(fullRoom), .roomSaved(other), .roomDeleted(name: fullRoom.name), .roomSaved(second),
                .roomDeleted(name: "other"), .roomSaved(other),
            ])

            #expect(try await harness.loadRooms() == [second, other])
        }
    }

    @Test("a batch with a change that fails writes nothing", arguments: ConferenceStoreBackend.allCases)
    func failingBatchWritesNothing(backend: ConferenceStoreBackend) async throws {
        try await withHarness(backend) { harness in
            try await harness.apply([.roomSaved(fullRoom)])
            var changed = fullRoom
            changed.adminPIN = "0000"
            changed.invitations = [dave]
            changed.settings = [:]
            let newcomer = StoredRoom(name: "newcomer", adminPIN: "5", invitations: [carol], settings: ["a": "b"])

            await #expect(throws: ConferenceStoreError(.noSuchRoom, room: "nowhere")) {
                try await harness.apply([.roomSaved(newcomer), .roomSaved(changed), .roomDeleted(name: "nowhere")])
            }
            await #expect(throws: ConferenceStoreError(.expiryTimeOutOfRange, room: "late")) {
                try await harness.apply([
                    .roomDeleted(name: fullRoom.name), .roomSaved(newcomer),
                    .roomSaved(StoredRoom(name: "late", adminPIN: "", expiryTime: .distantFuture.addingTimeInterval(1e12))),
                ])
            }

            #expect(try await harness.loadRooms() == [fullRoom])
            #expect(try harness.query("SELECT participant_id FROM parley_room_invitations ORDER BY position") == [
                "p-alice", "p-bob",
            ])
        }
    }

    @Test("an acknowledged change is in the database before the store closes", arguments: ConferenceStoreBackend.allCases)
    func acknowledgedChangeIsDurable(backend: ConferenceStoreBackend) async throws {
        try await withHarness(backend) { harness in
            try await harness.withFreshStore { store in
                try await store.apply([.roomSaved(fullRoom)])
                // Read by another process while this store is still open.
                #expect(try harness.query("SELECT name, admin_pin, recording FROM parley_rooms") == ["4711|8642|paused"])
                #expect(try harness.query("SELECT participant_id FROM parley_room_invitations ORDER BY position") == [
                    "p-alice", "p-bob",
                ])
                // And by a second store instance opened beside the first.
                #expect(try await harness.loadRooms() == [fullRoom])
            }
            // And by a new instance once the first is gone, as after a restart.
            #expect(try await harness.loadRooms() == [fullRoom])
        }
    }

    @Test("opening the store again runs no migration twice and keeps the schema and rows",
          arguments: ConferenceStoreBackend.allCases)
    func migrationsRunOnce(backend: ConferenceStoreBackend) async throws {
        try await withHarness(backend) { harness in
            try await harness.apply([.roomSaved(fullRoom)])
            let schema = try harness.schemaDescription()
            #expect(schema.contains { $0.contains("parley_room_invitations") && $0.contains("participant_id") })
            #expect(try harness.migrationIdentifiers() == ["v1-rooms"])

            for _ in 0..<3 {
                #expect(try await harness.loadRooms() == [fullRoom])
            }

            #expect(try harness.schemaDescription() == schema)
            #expect(try harness.migrationIdentifiers() == ["v1-rooms"])
        }
    }

    @Test("stores opened at once on a new database migrate it once", arguments: ConferenceStoreBackend.allCases)
    func concurrentFirstOpens(backend: ConferenceStoreBackend) async throws {
        try await withHarness(backend) { harness in
            let loads = try await withThrowingTaskGroup(of: [StoredRoom].self) { group in
                for _ in 0..<4 {
                    group.addTask { try await harness.loadRooms() }
                }
                return try await group.reduce(into: []) { loads, rooms in loads.append(rooms) }
            }

            #expect(loads == Array(repeating: [], count: 4))
            #expect(try harness.migrationIdentifiers() == ["v1-rooms"])
        }
    }

    @Test("rooms load sorted by name in byte order", arguments: ConferenceStoreBackend.allCases)
    func loadOrderIsByteOrder(backend: ConferenceStoreBackend) async throws {
        try await withHarness(backend) { harness in
            let names = ["émile", "alpha", "Zeta", "_x", "9", "10", "Ärger", "Alpha", "e\u{301}mile", "alpha2"]
            try await harness.apply(names.map { .roomSaved(StoredRoom(name: $0, adminPIN: "")) })

            let loaded = try await harness.loadRooms().map(\.name)

            // UTF-8 bytes: digits < upper case < '_' < lower case < 'e'+U+0301 < 'Ä' (C3 84) < 'é' (C3 A9).
            // Compared as bytes: Swift's == takes "émile" and "e\u{301}mile" for one string.
            #expect(loaded.map { Array($0.utf8) } == [
                "10", "9", "Alpha", "Zeta", "_x", "alpha", "alpha2", "e\u{301}mile", "Ärger", "émile",
            ].map { Array($0.utf8) })
        }
    }
}
