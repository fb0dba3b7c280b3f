import ConferenceModel
import IMCCommands
import Testing

/// Scenario (02): a private room, invitations accepted, rejected, accepted by joining.
@Suite struct IMCRoomManagerInvitationTests {
    private func privateRoom() throws -> IMCChat {
        var chat = IMCChat()
        _ = try chat.send("alice", to: "chat-2", "#create private")
        return chat
    }

    @Test func inviteAddsAnInvitedMemberAndSendsAWatchedInvitation() throws {
        var chat = try privateRoom()
        let invite = try chat.send("alice", to: "chat-2", "#invite bob")
        #expect(invite.returnCode == .success)
        #expect(invite.sent == [
            "sip:chat-2@imc.test -> sip:bob@imc.test: *** [alice] invites you to join the room (send '#accept' or '#reject')"
        ])
        #expect(invite.outgoing[0].invitation == IMCInvitation(room: address("chat-2"), invitee: address("bob")))
        #expect(invite.outgoing[0].inReplyTo == "step2")
        #expect(invite.changes == [.memberAdded(room: address("chat-2"), member: member("bob", invited: true))])
        #expect(chat.room("chat-2")?.roster == ["*alice", "?bob"])
    }

    @Test func invitedMembersMayListButNotTalkOrInvite() throws {
        var chat = try privateRoom()
        _ = try chat.send("alice", to: "chat-2", "#invite bob")
        let members = try chat.send("bob", to: "chat-2", "#members")
        #expect(members.sent == ["sip:chat-2@imc.test -> sip:bob@imc.test: Members:\n*[alice]"])
        #expect(try chat.send("bob", to: "chat-2", "hello").returnCode == .messageFailed)
        #expect(try chat.send("bob", to: "chat-2", "#invite carol").returnCode == .inviteFailed)
    }

    @Test func acceptJoinsWithABroadcastAndTheInvitationCannotBeRepeated() throws {
        var chat = try privateRoom()
        _ = try chat.send("alice", to: "chat-2", "#invite bob")
        let accept = try chat.send("bob", to: "chat-2", "#accept")
        #expect(accept.sent == [
            "sip:chat-2@imc.test -> sip:alice@imc.test: *** [bob] has joined the room",
            "sip:chat-2@imc.test -> sip:bob@imc.test: *** [bob] has joined the room",
        ])
        #expect(accept.changes == [.memberUpdated(room: address("chat-2"), member: member("bob"))])
        #expect(try chat.send("alice", to: "chat-2", "#invite bob").returnCode == .inviteFailed)
        #expect(try chat.send("bob", to: "chat-2", "#accept").returnCode == .acceptFailed)
        #expect(try chat.send("bob", to: "chat-2", "#reject").returnCode == .rejectFailed)
    }

    @Test func acceptThroughTheManagerWithARoomArgument() throws {
        var chat = try privateRoom()
        _ = try chat.send("alice", to: "chat-2", "#invite erin")
        let accept = try chat.send("erin", to: "chat-manager", "#accept chat-2")
        #expect(accept.returnCode == .success)
        #expect(accept.outgoing.map(\.from) == ["sip:chat-2@imc.test", "sip:chat-2@imc.test"])
    }

    @Test func rejectAndDenyRemoveSilently() throws {
        var chat = try privateRoom()
        _ = try chat.send("alice", to: "chat-2", "#invite carol")
        _ = try chat.send("alice", to: "chat-2", "#invite frank")
        let carol = try chat.send("carol", to: "chat-2", "#reject")
        #expect(carol.returnCode == .success)
        #expect(carol.outgoing.isEmpty)
        #expect(carol.changes == [.memberRemoved(room: address("chat-2"), member: address("carol"))])
        #expect(try chat.send("frank", to: "chat-2", "#DENY").changes.count == 1)
        #expect(try chat.send("carol", to: "chat-2", "#accept").returnCode == .acceptFailed)
        #expect(chat.room("chat-2")?.roster == ["*alice"])
    }

    /// Observed (02) dave: joining while invited accepts silently; Parley writes the change through (B9).
    @Test func joiningWhileInvitedAcceptsSilently() throws {
        var chat = try privateRoom()
        _ = try chat.send("alice", to: "chat-2", "#invite dave")
        let join = try chat.send("dave", to: "chat-2", "#join")
        #expect(join.sent == ["sip:chat-2@imc.test -> sip:dave@imc.test: *** You are in the room already"])
        #expect(join.changes == [.memberUpdated(room: address("chat-2"), member: member("dave"))])
        #expect(chat.room("chat-2")?.roster == ["*alice", "dave"])
    }

    /// Observed (06): a failed invitation removes the invitee and tells the invitee, with no imc headers.
    @Test func aFailedInvitationRemovesTheInvitee() throws {
        var chat = try privateRoom()
        _ = try chat.send("alice", to: "chat-2", "#invite bob")
        let delivered = chat.manager.invitationFailed(room: address("chat-2"), invitee: address("bob"), status: 200)
        #expect(delivered.outgoing.isEmpty && delivered.changes.isEmpty)
        let failed = chat.manager.invitationFailed(room: address("chat-2"), invitee: address("BOB"), status: 480)
        #expect(failed.sent == ["sip:chat-2@imc.test -> sip:bob@imc.test: bob@imc.test is not registered. "])
        #expect(failed.outgoing[0].headerStyle == .extraHeadersOnly)
        #expect(failed.outgoing[0].inReplyTo == nil)
        #expect(failed.changes == [.memberRemoved(room: address("chat-2"), member: address("bob"))])
        #expect(chat.room("chat-2")?.roster == ["*alice"])
        let gone = chat.manager.invitationFailed(room: address("chat-2"), invitee: address("bob"), status: 408)
        #expect(gone.outgoing.isEmpty && gone.changes.isEmpty)
    }

    /// Spec §3.1, observed (10): every way of naming bob names the same member.
    @Test(arguments: ["bob", "bob@imc.test", "sip:bob@imc.test", "sip:bob@imc.test:5060", "BOB@IMC.TEST"])
    func userArgumentsAllNameTheSameMember(argument: String) throws {
        var chat = try privateRoom()
        _ = try chat.send("alice", to: "chat-2", "#invite bob")
        #expect(try chat.send("alice", to: "chat-2", "#invite \(argument)").returnCode == .inviteFailed)
        #expect(try chat.send("alice", to: "chat-2", "#invite \(argument) chat-2").returnCode == .inviteFailed)
    }

    @Test func inviteNeedsAUserARoomAndRights() throws {
        var chat = try privateRoom()
        #expect(try chat.send("alice", to: "chat-2", "#invite").returnCode == .inviteFailed)
        #expect(try chat.send("alice", to: "chat-2", "#invite bob chat-9").returnCode == .inviteFailed)
        #expect(try chat.send("zed", to: "chat-2", "#invite bob").returnCode == .inviteFailed)
        let domain = try chat.send("alice", to: "chat-2", "#invite carol@other.test")
        #expect(domain.outgoing.map(\.to) == ["sip:carol@other.test"])
    }

    @Test func theConfiguredStartStringIsQuotedInTheInvitation() throws {
        var chat = IMCChat(configuration: try IMCConfiguration(commandStart: "!!"))
        _ = try chat.send("alice", to: "chat-2", "!create")
        let invite = try chat.send("alice", to: "chat-2", "!invite bob")
        #expect(invite.outgoing.first?.bodyText == "*** [alice] invites you to join the room (send '!!accept' or '!!reject')")
        _ = try chat.send("bob", to: "chat-2", "!accept")
        let plain = try chat.send("alice", to: "chat-2", "#invite carol")
        #expect(plain.sent == ["sip:chat-2@imc.test -> sip:bob@imc.test: [alice]: #invite carol"])
        #expect(plain.changes.isEmpty)
    }
}
