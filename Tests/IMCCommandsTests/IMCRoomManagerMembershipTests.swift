import ConferenceModel
import IMCCommands
import Testing

@Suite struct IMCRoomManagerMembershipTests {
    @Test func createMakesTheSenderOwnerAndTellsThem() throws {
        var chat = IMCChat()
        let outcome = try chat.send("alice", to: "chat-1", "#create")
        #expect(outcome.returnCode == .success)
        #expect(outcome.sipStatus == IMCSIPStatus(statusCode: 200, reasonPhrase: "OK"))
        #expect(outcome.sent == ["sip:chat-1@imc.test -> sip:alice@imc.test: *** Room was created"])
        #expect(outcome.outgoing[0].inReplyTo == "step1")
        #expect(outcome.outgoing[0].headerStyle == .standard)
        #expect(outcome.outgoing[0].invitation == nil)
        #expect(
            outcome.changes == [
                .roomCreated(address("chat-1"), isPrivate: false),
                .memberAdded(room: address("chat-1"), member: member("alice", .owner)),
            ])
    }

    /// Observed (01), (02): joiners hear their own join; list order is first, newest, …, second.
    @Test func joinBroadcastsToEveryoneInListOrder() throws {
        var chat = IMCChat()
        _ = try chat.send("alice", to: "chat-2", "#create")
        let bob = try chat.send("bob", to: "chat-2", "#join")
        #expect(
            bob.sent == [
                "sip:chat-2@imc.test -> sip:alice@imc.test: *** [bob] has joined the room",
                "sip:chat-2@imc.test -> sip:bob@imc.test: *** [bob] has joined the room",
            ])
        #expect(bob.changes == [.memberAdded(room: address("chat-2"), member: member("bob"))])
        _ = try chat.send("dave", to: "chat-2", "#join")
        let erin = try chat.send("erin", to: "chat-2", "#join")
        #expect(erin.outgoing.map(\.to) == ["sip:alice@imc.test", "sip:erin@imc.test", "sip:dave@imc.test", "sip:bob@imc.test"])
        let members = try chat.send("dave", to: "chat-2", "#members")
        #expect(members.sent == ["sip:chat-2@imc.test -> sip:dave@imc.test: Members:\n*[alice]\n[erin]\n[dave]\n[bob]"])
    }

    @Test func joiningTwiceIsAnsweredAndChangesNothing() throws {
        var chat = IMCChat()
        _ = try chat.send("alice", to: "chat-1", "#create")
        let again = try chat.send("alice", to: "chat-1", "#join")
        #expect(again.returnCode == .success)
        #expect(again.sent == ["sip:chat-1@imc.test -> sip:alice@imc.test: *** You are in the room already"])
        #expect(again.changes.isEmpty)
    }

    /// Observed (04): `#Join CHAT-4` joins chat-4; `#join` with a full URI of a missing room creates it.
    @Test func roomArgumentsIgnoreCaseAndAcceptURIs() throws {
        var chat = IMCChat()
        _ = try chat.send("alice", to: "chat-manager", "#create chat-4")
        let join = try chat.send("bob", to: "chat-manager", "#Join CHAT-4")
        #expect(join.outgoing.map(\.from) == ["sip:chat-4@imc.test", "sip:chat-4@imc.test"])
        let created = try chat.send("carol", to: "chat-manager", "#join sip:chat-44@imc.test")
        #expect(created.sent == ["sip:chat-44@imc.test -> sip:carol@imc.test: *** Room was created"])
    }

    /// Observed (04) steps 16-19 (B20, kept): without a room argument the manager URI's user is the room.
    @Test func commandsToTheManagerWithoutRoomActOnARoomNamedAfterIt() throws {
        var chat = IMCChat()
        let created = try chat.send("alice", to: "chat-manager", "#create private")
        #expect(created.changes.first == .roomCreated(address("chat-manager"), isPrivate: true))
        let joined = try chat.send("bob", to: "chat-manager", "#join")
        #expect(joined.sent.first == "sip:chat-manager@imc.test -> sip:bob@imc.test: *** Private rooms are by invitation only. Room owners have been notified.")
    }

    @Test func createChecksItsPrivacyArgument() throws {
        var chat = IMCChat()
        let publicWord = try chat.send("alice", to: "chat-manager", "#create chat-4 public")
        #expect(publicWord.returnCode == .createFailed)
        #expect(publicWord.sipStatus.statusCode == 500)
        #expect(publicWord.outgoing.isEmpty && publicWord.changes.isEmpty)
        let upper = try chat.send("alice", to: "chat-manager", "#create chat-5 PRIVATE extra")
        #expect(upper.changes.first == .roomCreated(address("chat-5"), isPrivate: true))
    }

    /// Observed (02), (04), (05): answers to `#create` of an existing room come from the R-URI verbatim.
    @Test func createOfAnExistingRoom() throws {
        var chat = IMCChat()
        _ = try chat.send("alice", to: "chat-1", "#create")
        _ = try chat.send("alice", to: "chat-2", "#create private")
        let member = try chat.send("alice", to: "sip:chat-1@imc.test:5999;transport=udp", "#create")
        #expect(member.sent == ["sip:chat-1@imc.test:5999;transport=udp -> sip:alice@imc.test: *** Room already exists and you are a member"])
        let privateRoom = try chat.send("sip:alice@imc.test:5098", to: "chat-2", "#create")
        #expect(privateRoom.sent == ["sip:chat-2@imc.test -> sip:alice@imc.test:5098: *** A private room with the same name already exists"])
        let newcomer = try chat.send("bob", to: "chat-1", "#create")
        #expect(newcomer.sent == [
            "sip:chat-1@imc.test -> sip:alice@imc.test: *** [bob] has joined the room",
            "sip:chat-1@imc.test -> sip:bob@imc.test: *** [bob] has joined the room",
        ])
        #expect(newcomer.changes == [.memberAdded(room: address("chat-1"), member: IMCCommandsTests.member("bob"))])

        var checking = IMCChat(configuration: try IMCConfiguration(checksOnCreate: true))
        _ = try checking.send("alice", to: "chat-1", "#create")
        let owner = try checking.send("alice", to: "chat-1", "#create")
        #expect(owner.sent == ["sip:chat-1@imc.test -> sip:alice@imc.test: *** Room already exists"])
    }

    /// Observed (05).
    @Test func joinWithoutCreateOnJoinAnswersRoomNotFound() throws {
        var chat = IMCChat(configuration: try IMCConfiguration(createsRoomOnJoin: false))
        let outcome = try chat.send("sip:bob@imc.test:5098;transport=udp", to: "chat-3", "#join")
        #expect(outcome.returnCode == .success)
        #expect(outcome.sent == ["sip:chat-3@imc.test -> sip:bob@imc.test:5098;transport=udp: *** Room not found"])
        #expect(chat.room("chat-3") == nil)
    }

    /// Observed (02), (07): the refusal goes to the From URI, then every active member hears of it (B13).
    @Test func privateRoomsRefuseJoinsAndTellActiveMembers() throws {
        var chat = IMCChat()
        _ = try chat.send("alice", to: "chat-2", "#create private")
        _ = try chat.send("alice", to: "chat-2", "#add dave")
        _ = try chat.send("alice", to: "chat-2", "#invite carol")
        let attempt = try chat.send("sip:frank@imc.test:5070", to: "chat-2", "#join")
        #expect(attempt.returnCode == .success)
        #expect(attempt.sent == [
            "sip:chat-2@imc.test -> sip:frank@imc.test:5070: *** Private rooms are by invitation only. Room owners have been notified.",
            "sip:chat-2@imc.test -> sip:alice@imc.test: *** [frank] attempted to join the room",
            "sip:chat-2@imc.test -> sip:dave@imc.test: *** [frank] attempted to join the room",
        ])
        #expect(attempt.changes.isEmpty)
    }

    /// Observed (01): the owner may not leave; others are announced to all (themselves included), then removed.
    @Test func leave() throws {
        var chat = IMCChat()
        _ = try chat.send("alice", to: "chat-1", "#create")
        _ = try chat.send("bob", to: "chat-1", "#join")
        let owner = try chat.send("alice", to: "chat-1", "#leave")
        #expect(owner.returnCode == .success)
        #expect(owner.sent == ["sip:chat-1@imc.test -> sip:alice@imc.test: *** You are the room's owner and cannot leave. Use #destroy if you wish to destroy the room."])
        #expect(owner.changes.isEmpty)
        let bob = try chat.send("bob", to: "chat-1", "#exit")
        #expect(bob.sent == [
            "sip:chat-1@imc.test -> sip:alice@imc.test: *** [bob] has left the room",
            "sip:chat-1@imc.test -> sip:bob@imc.test: *** [bob] has left the room",
        ])
        #expect(bob.changes == [.memberRemoved(room: address("chat-1"), member: address("bob"))])
        let again = try chat.send("bob", to: "chat-1", "#leave")
        #expect(again.returnCode == .leaveFailed)
        #expect(again.outgoing.isEmpty)
        #expect(try chat.send("bob", to: "chat-9", "#leave").returnCode == .leaveFailed)
    }

    @Test func anInvitedMemberLeavesUnannouncedToThemselves() throws {
        var chat = IMCChat()
        _ = try chat.send("alice", to: "chat-1", "#create")
        _ = try chat.send("alice", to: "chat-1", "#invite bob")
        let leave = try chat.send("bob", to: "chat-1", "#leave")
        #expect(leave.sent == ["sip:chat-1@imc.test -> sip:alice@imc.test: *** [bob] has left the room"])
        #expect(chat.room("chat-1")?.roster == ["*alice"])
    }

    /// Observed (01), (08): only the owner destroys; invited members are not told.
    @Test func destroy() throws {
        var chat = IMCChat(rooms: [
            IMRoom(address: address("chat-1"), isPrivate: false, members: [
                member("alice", .owner), member("bob", .admin), member("carol", invited: true), member("dave"),
            ])
        ])
        #expect(try chat.send("bob", to: "chat-1", "#destroy").returnCode == .destroyFailed)
        #expect(try chat.send("erin", to: "chat-1", "#destroy").returnCode == .destroyFailed)
        #expect(try chat.send("alice", to: "chat-9", "#destroy").returnCode == .destroyFailed)
        let destroyed = try chat.send("alice", to: "chat-manager", "#destroy chat-1")
        #expect(destroyed.sent == [
            "sip:chat-1@imc.test -> sip:alice@imc.test: *** Room has been destroyed",
            "sip:chat-1@imc.test -> sip:bob@imc.test: *** Room has been destroyed",
            "sip:chat-1@imc.test -> sip:dave@imc.test: *** Room has been destroyed",
        ])
        #expect(destroyed.changes == [.roomDestroyed(address("chat-1"))])
        #expect(chat.room("chat-1") == nil)
        #expect(chat.manager.activeRoomCount == 0)
        #expect(try chat.send("alice", to: "chat-1", "#members").returnCode == .listFailed)
    }
}
