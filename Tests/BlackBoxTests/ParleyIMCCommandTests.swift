import Foundation
import SIPCore
import SIPTesting
import Testing

/// The commands and failures `ParleyIMCTests` leaves out, over real UDP, each answer checked
/// against Kamailio imc 5.6's exact bytes (specs/imc.md §4, §5, §8).
@Suite(.serialized) struct ParleyIMCCommandTests {
    static let room = "sip:chat-1@imc.test"
    static let manager = "sip:chat-manager@imc.test"

    static func bodies(_ messages: [SIPMessage]) -> [String] {
        messages.map { String(decoding: $0.body, as: UTF8.self) }
    }

    @Test func addRemoveModifyAndAliases() async throws {
        let server = try await IMCServer()
        let alice = try TestUserAgent(user: "alice", serverPort: server.port)
        let bob = try TestUserAgent(user: "bob", serverPort: server.port)
        let carol = try TestUserAgent(user: "carol", serverPort: server.port)
        for agent in [alice, bob, carol] { #expect(try await agent.register() == 200) }
        #expect(try await alice.message("#create", to: Self.room) == 200)
        _ = await alice.receiveMessages()

        // #add by the owner: no consent, everybody incl. the added user hears it.
        #expect(try await alice.message("#add bob", to: Self.room) == 200)
        #expect(Self.bodies(await alice.receiveMessages(count: 1)) == ["*** [bob] has joined the room"])
        #expect(Self.bodies(await bob.receiveMessages(count: 1)) == ["*** [bob] has joined the room"])
        // #add by a plain member: the "permmission" text (sic), still rc 1 -> 200.
        #expect(try await bob.message("#add carol", to: Self.room) == 200)
        #expect(Self.bodies(await bob.receiveMessages(count: 1)) == ["*** You don't have the permmission to add members to this room"])
        #expect(await carol.receiveMessages().isEmpty)

        // #modify (5.7 text: the full member URI and the role as typed), then #list shows `~`.
        #expect(try await alice.message("#modify bob ADMIN", to: Self.room) == 200)
        #expect(Self.bodies(await bob.receiveMessages(count: 1)) == ["*** sip:bob@imc.test is now ADMIN"])
        _ = await alice.receiveMessages()
        #expect(try await bob.message("#list", to: Self.room) == 200)
        #expect(Self.bodies(await bob.receiveMessages(count: 1)) == ["Members:\n*[alice]\n~[bob]"])

        // An admin adds; #exit is #leave: the leaver hears the broadcast too.
        #expect(try await bob.message("#add carol", to: Self.room) == 200)
        _ = await alice.receiveMessages(); _ = await bob.receiveMessages(); _ = await carol.receiveMessages()
        #expect(try await carol.message("#exit", to: Self.room) == 200)
        #expect(Self.bodies(await carol.receiveMessages(count: 1)) == ["*** [carol] has left the room"])
        #expect(Self.bodies(await alice.receiveMessages(count: 1)) == ["*** [carol] has left the room"])
        _ = await bob.receiveMessages()
        #expect(try await carol.message("#exit", to: Self.room) == 500, "no longer a member: rc -90")
        #expect(carol.lastResponse?.reasonPhrase == "Leave Failed")

        // #remove: the removed member is told, the rest hear that he left; the owner cannot be removed.
        #expect(try await alice.message("#remove bob", to: Self.room) == 200)
        #expect(Self.bodies(await bob.receiveMessages(count: 1)) == ["*** You have been removed from the room"])
        #expect(Self.bodies(await alice.receiveMessages(count: 1)) == ["*** [bob] has left the room"])
        #expect(try await alice.message("#remove alice", to: Self.room) == 500)
        #expect(alice.lastResponse?.reasonPhrase == "Remove Failed")

        // #deny is #reject: the invitee leaves the list and nobody is told.
        #expect(try await alice.message("#invite carol", to: Self.room) == 200)
        #expect(Self.bodies(await carol.receiveMessages(count: 1)) == [
            "*** [alice] invites you to join the room (send '#accept' or '#reject')",
        ])
        #expect(try await carol.message("#deny", to: Self.room) == 200)
        #expect(await alice.receiveMessages().isEmpty)
        #expect(await carol.receiveMessages().isEmpty)
        #expect(try await carol.message("#accept", to: Self.room) == 500, "no invitation left: rc -60")
        #expect(try await alice.message("#members", to: Self.room) == 200)
        #expect(Self.bodies(await alice.receiveMessages(count: 1)) == ["Members:\n*[alice]"])
    }

    @Test func helpRoomsAndFailures() async throws {
        let server = try await IMCServer()
        let alice = try TestUserAgent(user: "alice", serverPort: server.port)
        let dave = try TestUserAgent(user: "dave", serverPort: server.port)
        for agent in [alice, dave] { try await agent.register() }

        #expect(try await alice.message("#help me", to: Self.manager) == 200)
        let help = try #require(await alice.receiveMessages(count: 1).first)
        #expect(String(decoding: help.body, as: UTF8.self) == "\r\n#create <room_name> - create new conference room\r\n"
            + "#join [<room_name>] - join the conference room\r\n"
            + "#invite <user_name> [<room_name>] - invite a user to join a conference room\r\n"
            + "#add <user_name> [<room_name>] - add a user to a conference room\r\n"
            + "#accept - accept invitation to join a conference room\r\n"
            + "#reject - reject invitation to join a conference room\r\n"
            + "#remove <user_name> [<room_name>] - remove a user from the conference room\r\n"
            + "#members - list members is a conference room\r\n"
            + "#rooms - list existing conference rooms\r\n"
            + "#leave [<room_name>] - leave from a conference room\r\n"
            + "#destroy [<room_name>] - destroy conference room\r\n")
        #expect(help.from.uri.description == Self.manager, "help comes from the R-URI as sent")

        #expect(try await dave.message("#rooms", to: Self.manager) == 200)
        #expect(Self.bodies(await dave.receiveMessages(count: 1)) == ["Rooms:"])
        // 16 buckets of core_case_hash (imc.md §3.4): chat-9 -> 3, chat-8 -> 4, chat-7 -> 6,
        // chat-4 and chat-44 -> 7, newest first inside a bucket.
        for name in ["chat-7", "chat-9", "chat-4", "chat-8", "chat-44"] {
            #expect(try await alice.message("#create \(name)", to: Self.manager) == 200)
        }
        #expect(try await dave.message("#rooms", to: Self.manager) == 200)
        #expect(Self.bodies(await dave.receiveMessages(count: 1)) == ["Rooms:\n[chat-9]\n[chat-8]\n[chat-7]\n[chat-44]\n[chat-4]"])

        // Plain text to a room that does not exist, and to one dave is not in: rc -200, nothing sent.
        dave.responseTimeout = .seconds(2)
        #expect(try await dave.message("hello", to: "sip:chat-3@imc.test") == 500)
        #expect(dave.lastResponse?.reasonPhrase == "Message Not Relayed")
        #expect(try await dave.message("hello", to: "sip:chat-7@imc.test") == 500)
        #expect(try await dave.message("#members", to: "sip:chat-7@imc.test") == 500)
        #expect(dave.lastResponse?.reasonPhrase == "Listing Failed")
        #expect(try await dave.message("#", to: "sip:chat-7@imc.test") == 500)
        #expect(dave.lastResponse?.reasonPhrase == "Missing Command Name")

        // 32768 bytes is the limit including "[alice]: " (9 bytes): one byte more is refused.
        #expect(try await dave.message("#join", to: "sip:chat-7@imc.test") == 200)
        _ = await alice.receiveMessages(); _ = await dave.receiveMessages()
        #expect(try await alice.message(String(repeating: "x", count: 32768 - 9 - 1), to: "sip:chat-7@imc.test") == 200)
        #expect(Self.bodies(await dave.receiveMessages(count: 1)).first?.utf8.count == 32767)
        #expect(try await alice.message(String(repeating: "x", count: 32768 - 9), to: "sip:chat-7@imc.test") == 500)
        #expect(alice.lastResponse?.reasonPhrase == "Message Not Relayed")
        #expect(await dave.receiveMessages(window: .milliseconds(200)).isEmpty)
    }
}
