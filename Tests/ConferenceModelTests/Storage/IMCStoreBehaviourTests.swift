import ConferenceModel
import Testing

/// What every ``IMCStore`` must do, run against SQLite files and a real PostgreSQL server.
@Suite(.sharedPostgresTestServer)
struct IMCStoreBehaviourTests {
    private let room = IMAddress(user: "chat-1", domain: "imc.test")
    private let alice = IMAddress(user: "alice", domain: "imc.test")
    private let bob = IMAddress(user: "bob", domain: "imc.test")
    private let carol = IMAddress(user: "carol", domain: "example.org")
    private let dave = IMAddress(user: "dave", domain: "imc.test")

    private func withHarness(_ backend: IMCStoreBackend, _ body: (any IMCStoreHarness) async throws -> Void) async throws {
        let harness = try backend.makeHarness()
        defer { harness.remove() }
        try await body(harness)
    }

    @Test("every change kind survives a reload", arguments: IMCStoreBackend.allCases)
    func roundTripOfEveryChangeKind(backend: IMCStoreBackend) async throws {
        try await withHarness(backend) { harness in
            let secret = IMAddress(user: "secret", domain: "imc.test")
            let doomed = IMAddress(user: "doomed", domain: "imc.test")
            try await harness.apply([
                .roomCreated(room, isPrivate: false),
                .memberAdded(room: room, member: IMMember(address: alice, role: .owner)),
                .memberAdded(room: room, member: IMMember(address: bob, role: .admin)),
                .roomCreated(secret, isPrivate: true),
                .memberAdded(room: secret, member: IMMember(address: bob, role: .owner)),
                .memberAdded(room: secret, member: IMMember(address: carol, isInvited: true)),
                .roomCreated(doomed, isPrivate: false),
                .memberAdded(room: doomed, member: IMMember(address: dave, role: .owner)),
            ])
            try await harness.apply([
                .memberUpdated(room: secret, member: IMMember(address: carol)),
                .memberRemoved(room: room, member: bob),
                .roomDestroyed(doomed),
            ])

            let rooms = try await harness.loadRooms()

            #expect(rooms == [
                IMRoom(address: room, isPrivate: false, members: [IMMember(address: alice, role: .owner)]),
                IMRoom(address: secret, isPrivate: true, members: [
                    IMMember(address: bob, role: .owner), IMMember(address: carol),
                ]),
            ])
            #expect(try harness.query("SELECT username, domain, room, flag FROM imc_members ORDER BY id") == [
                "alice|imc.test|sip:chat-1@imc.test|1",
                "bob|imc.test|sip:secret@imc.test|1",
                "carol|example.org|sip:secret@imc.test|0",
            ])
            #expect(try harness.query("SELECT name, domain, flag FROM imc_rooms ORDER BY id") == [
                "chat-1|imc.test|0", "secret|imc.test|1",
            ])
        }
    }

    @Test("members come back in Kamailio's list order, updates keep their place", arguments: IMCStoreBackend.allCases)
    func listOrderAfterReload(backend: IMCStoreBackend) async throws {
        try await withHarness(backend) { harness in
            try await harness.apply([
                .roomCreated(room, isPrivate: false),
                .memberAdded(room: room, member: IMMember(address: alice, role: .owner)),
                .memberAdded(room: room, member: IMMember(address: bob)),
                .memberAdded(room: room, member: IMMember(address: carol)),
                .memberAdded(room: room, member: IMMember(address: dave)),
                .memberUpdated(room: room, member: IMMember(address: bob, role: .admin)),
            ])

            let members = try await harness.loadRooms().first?.members

            // imc_add_member: the first at the head, each later one right after it.
            #expect(members == [
                IMMember(address: alice, role: .owner), IMMember(address: dave),
                IMMember(address: carol), IMMember(address: bob, role: .admin),
            ])
        }
    }

    @Test("rooms and members match ignoring case and keep their first spelling", arguments: IMCStoreBackend.allCases)
    func caseInsensitiveIdentity(backend: IMCStoreBackend) async throws {
        try await withHarness(backend) { harness in
            let mixedRoom = IMAddress(user: "Chat-Big", domain: "IMC.Test")
            let mixedBob = IMAddress(user: "Bob", domain: "Example.COM")
            try await harness.apply([
                .roomCreated(mixedRoom, isPrivate: false),
                .memberAdded(room: mixedRoom, member: IMMember(address: alice, role: .owner)),
                .memberAdded(room: mixedRoom, member: IMMember(address: mixedBob)),
                .memberAdded(room: mixedRoom, member: IMMember(address: carol)),
            ])
            let lowerRoom = IMAddress(user: "chat-big", domain: "imc.test")
            try await harness.apply([
                .memberRemoved(room: lowerRoom, member: IMAddress(user: "BOB", domain: "example.com")),
                .memberUpdated(room: IMAddress(user: "CHAT-BIG", domain: "imc.TEST"),
                               member: IMMember(address: IMAddress(user: "CAROL", domain: "EXAMPLE.ORG"), role: .admin)),
            ])

            let loaded = try #require(try await harness.loadRooms().first)

            #expect(loaded.address.user == "Chat-Big")
            #expect(loaded.address.domain == "IMC.Test")
            #expect(loaded.members == [IMMember(address: alice, role: .owner), IMMember(address: carol, role: .admin)])
            #expect(loaded.members.last?.address.user == "carol")

            try await harness.apply([.roomDestroyed(IMAddress(user: "CHAT-BIG", domain: "imc.test"))])
            #expect(try await harness.loadRooms().isEmpty)
            #expect(try harness.query("SELECT COUNT(*) FROM imc_members") == ["0"])
        }
    }

    @Test("a room without members neither stops the load nor gets lost (bug B6)", arguments: IMCStoreBackend.allCases)
    func roomWithoutMembersDoesNotStopTheLoad(backend: IMCStoreBackend) async throws {
        try await withHarness(backend) { harness in
            let full1 = IMAddress(user: "chat-full1", domain: "imc.test")
            let empty = IMAddress(user: "chat-empty", domain: "imc.test")
            let full2 = IMAddress(user: "chat-full2", domain: "imc.test")
            try await harness.apply([
                .roomCreated(full1, isPrivate: false),
                .memberAdded(room: full1, member: IMMember(address: alice, role: .owner)),
                .roomCreated(empty, isPrivate: true),
                .roomCreated(full2, isPrivate: false),
                .memberAdded(room: full2, member: IMMember(address: bob, role: .owner)),
            ])

            let first = try await harness.loadRooms()
            let second = try await harness.loadRooms()

            let expected = [
                IMRoom(address: full1, isPrivate: false, members: [IMMember(address: alice, role: .owner)]),
                IMRoom(address: empty, isPrivate: true, members: []),
                IMRoom(address: full2, isPrivate: false, members: [IMMember(address: bob, role: .owner)]),
            ]
            #expect(first == expected)
            // Loading wipes nothing (Kamailio 5.6 deletes every row after loading).
            #expect(second == expected)
        }
    }

    @Test("a database made by Kamailio's own scripts is read with Kamailio's flags and left as it is",
          arguments: IMCStoreBackend.allCases)
    func kamailioMadeDatabase(backend: IMCStoreBackend) async throws {
        try await withHarness(backend) { harness in
            try harness.createKamailioSchema(seedSQL: """
                INSERT INTO imc_rooms (name, domain, flag) VALUES ('chat-1', 'imc.test', 0);
                INSERT INTO imc_rooms (name, domain, flag) VALUES ('chat-empty', 'imc.test', 0);
                INSERT INTO imc_rooms (name, domain, flag) VALUES ('chat-priv', 'imc.test', 1);
                INSERT INTO imc_members (username, domain, room, flag) VALUES ('alice', 'imc.test', 'sip:chat-1@imc.test', 1);
                INSERT INTO imc_members (username, domain, room, flag) VALUES ('bob', 'imc.test', 'sip:chat-1@imc.test', 2);
                INSERT INTO imc_members (username, domain, room, flag) VALUES ('carol', 'example.org', 'sip:chat-1@imc.test', 4);
                INSERT INTO imc_members (username, domain, room, flag) VALUES ('dave', 'imc.test', 'sip:chat-1@imc.test', 0);
                INSERT INTO imc_members (username, domain, room, flag) VALUES ('bob', 'imc.test', 'sip:chat-priv@imc.test', 1);
                """)
            let schemaBefore = try harness.schemaDescription()
            let roomRowsBefore = try harness.query("SELECT * FROM imc_rooms ORDER BY id")
            let memberRowsBefore = try harness.query("SELECT * FROM imc_members ORDER BY id")

            let rooms = try await harness.loadRooms()

            #expect(rooms == [
                IMRoom(address: room, isPrivate: false, membersInJoinOrder: [
                    IMMember(address: alice, role: .owner), IMMember(address: bob, role: .admin),
                    IMMember(address: carol, isInvited: true), IMMember(address: dave),
                ]),
                IMRoom(address: IMAddress(user: "chat-empty", domain: "imc.test"), isPrivate: false, members: []),
                IMRoom(address: IMAddress(user: "chat-priv", domain: "imc.test"), isPrivate: true, members: [
                    IMMember(address: bob, role: .owner),
                ]),
            ])
            #expect(try harness.schemaDescription() == schemaBefore)
            #expect(try harness.query("SELECT * FROM imc_rooms ORDER BY id") == roomRowsBefore)
            #expect(try harness.query("SELECT * FROM imc_members ORDER BY id") == memberRowsBefore)
            #expect(try harness.query("SELECT table_name, table_version FROM version ORDER BY table_name") == [
                "imc_members|1", "imc_rooms|1", "version|1",
            ])

            // Written rows follow Kamailio's layout too: room URI in `room`, flags as imc_mng.h.
            try await harness.apply([
                .memberUpdated(room: room, member: IMMember(address: carol)),
                .memberAdded(room: room, member: IMMember(address: IMAddress(user: "erin", domain: "imc.test"), role: .admin, isInvited: true)),
            ])
            #expect(try harness.query("SELECT username, room, flag FROM imc_members WHERE room = 'sip:chat-1@imc.test' ORDER BY id") == [
                "alice|sip:chat-1@imc.test|1", "bob|sip:chat-1@imc.test|2", "carol|sip:chat-1@imc.test|0",
                "dave|sip:chat-1@imc.test|0", "erin|sip:chat-1@imc.test|6",
            ])
        }
    }

    @Test("a fresh database gets exactly the schema Kamailio's scripts make", arguments: IMCStoreBackend.allCases)
    func freshSchemaIsKamailios(backend: IMCStoreBackend) async throws {
        try await withHarness(backend) { fresh in
            try await withHarness(backend) { kamailio in
                _ = try await fresh.loadRooms()
                try kamailio.createKamailioSchema(seedSQL: "SELECT 1;")

                let kamailioSchema = try kamailio.schemaDescription()
                #expect(kamailioSchema.contains { $0.contains("imc_members") && $0.contains("room") })
                #expect(try fresh.schemaDescription() == kamailioSchema)
                #expect(try fresh.query("SELECT table_name, table_version FROM version ORDER BY table_name") == [
                    "imc_members|1", "imc_rooms|1", "version|1",
                ])
            }
        }
    }

    @Test("an acknowledged change is in the database before the store closes", arguments: IMCStoreBackend.allCases)
    func acknowledgedChangeIsDurable(backend: IMCStoreBackend) async throws {
        try await withHarness(backend) { harness in
            try await harness.withFreshStore { store in
                try await store.apply([
                    .roomCreated(room, isPrivate: true),
                    .memberAdded(room: room, member: IMMember(address: alice, role: .owner)),
                ])
                // Read by another process while this store is still open and has not been closed.
                #expect(try harness.query("SELECT name, flag FROM imc_rooms") == ["chat-1|1"])
                #expect(try harness.query("SELECT username, flag FROM imc_members") == ["alice|1"])
                // And by a second store instance opened beside the first.
                let reopened = try await harness.loadRooms()
                #expect(reopened == [IMRoom(address: room, isPrivate: true, members: [IMMember(address: alice, role: .owner)])])
            }
        }
    }

    @Test("a batch with a change that does not fit writes nothing", arguments: IMCStoreBackend.allCases)
    func refusedBatchWritesNothing(backend: IMCStoreBackend) async throws {
        try await withHarness(backend) { harness in
            try await harness.apply([
                .roomCreated(room, isPrivate: false),
                .memberAdded(room: room, member: IMMember(address: alice, role: .owner)),
            ])
            let missing = IMAddress(user: "nowhere", domain: "imc.test")

            await #expect(throws: IMCStoreError(.noSuchRoom, room: missing)) {
                try await harness.apply([
                    .memberAdded(room: room, member: IMMember(address: bob)),
                    .memberRemoved(room: room, member: alice),
                    .memberAdded(room: missing, member: IMMember(address: carol)),
                ])
            }

            #expect(try await harness.loadRooms() == [
                IMRoom(address: room, isPrivate: false, members: [IMMember(address: alice, role: .owner)]),
            ])
        }
    }

    @Test("changes that contradict the stored rooms are refused by name", arguments: IMCStoreBackend.allCases)
    func mismatchesAreNamed(backend: IMCStoreBackend) async throws {
        try await withHarness(backend) { harness in
            try await harness.apply([
                .roomCreated(room, isPrivate: false),
                .memberAdded(room: room, member: IMMember(address: alice, role: .owner)),
            ])
            let upperRoom = IMAddress(user: "CHAT-1", domain: "imc.test")
            let upperAlice = IMAddress(user: "ALICE", domain: "imc.test")

            await #expect(throws: IMCStoreError(.roomExists, room: upperRoom)) {
                try await harness.apply([.roomCreated(upperRoom, isPrivate: true)])
            }
            await #expect(throws: IMCStoreError(.memberExists, room: room, member: upperAlice)) {
                try await harness.apply([.memberAdded(room: room, member: IMMember(address: upperAlice))])
            }
            await #expect(throws: IMCStoreError(.noSuchMember, room: room, member: bob)) {
                try await harness.apply([.memberUpdated(room: room, member: IMMember(address: bob, role: .admin))])
            }
            await #expect(throws: IMCStoreError(.noSuchMember, room: room, member: bob)) {
                try await harness.apply([.memberRemoved(room: room, member: bob)])
            }
            await #expect(throws: IMCStoreError(.noSuchRoom, room: dave)) {
                try await harness.apply([.roomDestroyed(dave)])
            }
        }
    }
}
