import ConferenceModel
import Foundation
import IMCCommands
import SIPTesting
import Testing

/// The IM rooms shared by a server: every message's changes are in the store before the sender
/// hears back, in the order they were made, and published to the room's event stream.
@Suite struct IMCConferenceTests {
    let chat4242 = IMAddress(user: "chat-4242", domain: "imc.test")
    let alice = IMAddress(user: "alice", domain: "imc.test")

    @Test func aMessagesChangeIsStoredWhenHandleReturns() async throws {
        try await withDatabaseFile { path in
            let conference = try await IMCConference(configuration: .kamailioDefaults, store: SQLiteIMCStore(path: path))

            let outcome = try await conference.handle(message("alice", to: "chat-4242", "#create"))

            #expect(outcome.sipStatus.statusCode == 200)
            let reopened = try await SQLiteIMCStore(path: path).loadRooms()
            #expect(reopened == [IMRoom(address: chat4242, members: [IMMember(address: alice, role: .owner)])])
        }
    }

    @Test func concurrentMessagesAreAppliedAndStoredInOrder() async throws {
        try await withDatabaseFile { path in
            let conference = try await IMCConference(configuration: .kamailioDefaults, store: SQLiteIMCStore(path: path))
            _ = try await conference.handle(message("alice", to: "chat-4242", "#create"))
            let joiners = (1...8).map { "user\($0)" }

            // Each store write suspends its message, so the joins overlap unless the conference
            // holds the next one back until the write before it is done.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for joiner in joiners {
                    let join = try message(joiner, to: "chat-4242", "#join")
                    group.addTask { _ = try await conference.handle(join) }
                }
                try await group.waitForAll()
            }

            let inMemory = try #require(await conference.snapshot().room(chat4242))
            #expect(Set(inMemory.members.map(\.address.user)) == Set(["alice"] + joiners), "every join is kept")
            let stored = try await SQLiteIMCStore(path: path).loadRooms()
            #expect(stored == [inMemory], "the store has the joins in the order memory has them")
        }
    }

    @Test func aFailingStoreLeavesTheRoomsAsTheyWereAndThrows() async throws {
        let conference = try await IMCConference(configuration: .kamailioDefaults, store: FailingStore())

        await #expect(throws: FailingStore.WriteFailure.self) {
            _ = try await conference.handle(message("alice", to: "chat-4242", "#create"))
        }
        #expect(await conference.snapshot().room(chat4242) == nil)

        await #expect(throws: FailingStore.WriteFailure.self, "the next message gets in after a failure") {
            _ = try await conference.handle(message("bob", to: "chat-4242", "#create"))
        }
        #expect(await conference.snapshot().roomListing.isEmpty)
    }

    @Test func aMessageCreatingARoomComesOutOnTheMappedRoomsStream() async throws {
        try await withDatabaseFile { path in
            let hub = RoomEventHub()
            let conference = try await IMCConference(
                configuration: .kamailioDefaults, store: SQLiteIMCStore(path: path), eventHub: hub,
                roomNames: IMRoomNameMapping(domain: "imc.test"))
            let room4242 = await hub.events(ofRoom: "4242")

            _ = try await conference.handle(message("alice", to: "chat-4242", "#create"))

            let created = try await eventually("the room's creation", firstOf: room4242, where: { _ in true })
            #expect(created == .im(.roomCreated(chat4242, isPrivate: false), room: "4242"))
            let owner = try await eventually("its owner's arrival", firstOf: room4242, where: { _ in true })
            #expect(owner == .im(.memberAdded(room: chat4242, member: IMMember(address: alice, role: .owner)), room: "4242"))
        }
    }

    /// A store that loads no rooms and refuses every write.
    private struct FailingStore: IMCStore {
        struct WriteFailure: Error {}

        func loadRooms() async throws -> [IMRoom] { [] }

        func apply(_ changes: [IMRoomChange]) async throws {
            throw WriteFailure()
        }
    }

    /// A MESSAGE from `user` to `target`, both at imc.test.
    private func message(_ user: String, to target: String, _ body: String) throws -> IncomingIMMessage {
        IncomingIMMessage(
            requestURI: try IMCMessageURI(parsing: "sip:\(target)@imc.test"),
            fromURI: try IMCMessageURI(parsing: "sip:\(user)@imc.test"), callID: UUID().uuidString,
            contentType: "text/plain", body: Array(body.utf8))
    }

    /// Runs `body` with the path of a new SQLite file in a folder of its own, removed afterwards.
    private func withDatabaseFile(_ body: (String) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-imc-conference-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await body(directory.appendingPathComponent("imc.db").path)
    }
}
