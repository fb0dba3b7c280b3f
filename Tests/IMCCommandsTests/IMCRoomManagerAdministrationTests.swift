import ConferenceModel
import IMCCommands
import Testing

/// Scenarios (03), (08), (10): `#add`, `#remove`, `#modify` and who may use them.
@Suite struct IMCRoomManagerAdministrationTests {
    /// alice owner, bob admin, carol member, dave invited; list order as Kamailio keeps it.
    private func room() -> IMCChat {
        IMCChat(rooms: [
            IMRoom(address: address("chat-3"), isPrivate: false, membersInJoinOrder: [
                member("alice", .owner), member("bob", .admin), member("carol"), member("dave", invited: true),
            ])
        ])
    }

    @Test func addNeedsRightsAndTellsMembersWithout() throws {
        var chat = room()
        let carol = try chat.send("carol", to: "chat-3", "#add erin")
        #expect(carol.returnCode == .success)
        #expect(carol.sent == ["sip:chat-3@imc.test -> sip:carol@imc.test: *** You don't have the permmission to add members to this room"])
        #expect(carol.changes.isEmpty)
        let dave = try chat.send("dave", to: "chat-3", "#add erin")
        #expect(dave.sent == ["sip:chat-3@imc.test -> sip:dave@imc.test: *** You don't have the permmission to add members to this room"])
        #expect(try chat.send("zed", to: "chat-3", "#add erin").returnCode == .inviteFailed)
        #expect(try chat.send("bob", to: "chat-3", "#add").returnCode == .inviteFailed)
        #expect(try chat.send("bob", to: "chat-3", "#add carol").returnCode == .inviteFailed)
        #expect(try chat.send("bob", to: "chat-3", "#add erin chat-9").returnCode == .inviteFailed)
    }

    /// Observed (03): the added user hears the join too; invited members do not.
    @Test func addJoinsWithoutConsent() throws {
        var chat = room()
        let add = try chat.send("bob", to: "chat-3", "#add Erin")
        #expect(add.sent == [
            "sip:chat-3@imc.test -> sip:alice@imc.test: *** [Erin] has joined the room",
            "sip:chat-3@imc.test -> sip:Erin@imc.test: *** [Erin] has joined the room",
            "sip:chat-3@imc.test -> sip:carol@imc.test: *** [Erin] has joined the room",
            "sip:chat-3@imc.test -> sip:bob@imc.test: *** [Erin] has joined the room",
        ])
        #expect(add.changes == [.memberAdded(room: address("chat-3"), member: member("Erin"))])
        #expect(chat.room("chat-3")?.roster == ["*alice", "Erin", "?dave", "carol", "~bob"])
    }

    /// Observed (03), (08), (10).
    @Test func removeTellsTheRemovedThenTheOthers() throws {
        var chat = room()
        #expect(try chat.send("carol", to: "chat-3", "#remove bob").returnCode == .removeFailed)
        #expect(try chat.send("bob", to: "chat-3", "#remove zed").returnCode == .removeFailed)
        #expect(try chat.send("bob", to: "chat-3", "#remove alice").returnCode == .removeFailed)
        #expect(try chat.send("bob", to: "chat-3", "#remove").returnCode == .removeFailed)
        #expect(try chat.send("bob", to: "chat-9", "#remove carol").returnCode == .removeFailed)
        let remove = try chat.send("bob", to: "chat-3", "#remove Carol@IMC.TEST")
        #expect(remove.returnCode == .success)
        #expect(remove.sent == [
            "sip:chat-3@imc.test -> sip:carol@imc.test: *** You have been removed from the room",
            "sip:chat-3@imc.test -> sip:alice@imc.test: *** [carol] has left the room",
            "sip:chat-3@imc.test -> sip:bob@imc.test: *** [carol] has left the room",
        ])
        #expect(remove.changes == [.memberRemoved(room: address("chat-3"), member: address("carol"))])
        let invited = try chat.send("alice", to: "chat-3", "#remove dave")
        #expect(invited.outgoing.first?.to == "sip:dave@imc.test")
        #expect(chat.room("chat-3")?.roster == ["*alice", "~bob"])
    }

    @Test func removeReachesMembersOfOtherDomains() throws {
        var chat = room()
        _ = try chat.send("alice", to: "chat-3", "#add carol@other.test")
        let remove = try chat.send("alice", to: "chat-3", "#remove Carol@OTHER.TEST")
        #expect(remove.changes == [.memberRemoved(room: address("chat-3"), member: IMAddress(user: "carol", domain: "other.test"))])
        #expect(remove.outgoing.first?.to == "sip:carol@other.test")
    }

    /// `#modify` as Kamailio 5.7 has it, the room read from the third argument (B4 fixed).
    @Test func modifyChangesTheRoleAndAnnouncesTheFullURI() throws {
        var chat = room()
        _ = try chat.send("alice", to: "chat-manager", "#create chat-4")
        let modify = try chat.send("bob", to: "chat-manager", "#modify carol ADMIN chat-3")
        #expect(modify.returnCode == .success)
        #expect(modify.sent == [
            "sip:chat-3@imc.test -> sip:alice@imc.test: *** sip:carol@imc.test is now ADMIN",
            "sip:chat-3@imc.test -> sip:carol@imc.test: *** sip:carol@imc.test is now ADMIN",
            "sip:chat-3@imc.test -> sip:bob@imc.test: *** sip:carol@imc.test is now ADMIN",
        ])
        #expect(modify.changes == [.memberUpdated(room: address("chat-3"), member: member("carol", .admin))])
        let members = try chat.send("alice", to: "chat-3", "#members")
        #expect(members.outgoing.first?.bodyText == "Members:\n*[alice]\n~[carol]\n~[bob]")
    }

    @Test func modifyMakesAnInvitedMemberAFullOne() throws {
        var chat = room()
        let modify = try chat.send("alice", to: "chat-3", "#modify dave member")
        #expect(modify.changes == [.memberUpdated(room: address("chat-3"), member: member("dave"))])
        #expect(modify.outgoing.map(\.to).contains("sip:dave@imc.test"))
    }

    /// B5 fixed: an unknown target fails the command instead of crashing.
    @Test func modifyFailures() throws {
        var chat = room()
        #expect(try chat.send("alice", to: "chat-3", "#modify").returnCode == .modifyFailed)
        #expect(try chat.send("alice", to: "chat-3", "#modify carol").returnCode == .modifyFailed)
        #expect(try chat.send("alice", to: "chat-3", "#modify carol king").returnCode == .modifyFailed)
        #expect(try chat.send("alice", to: "chat-3", "#modify zed admin").returnCode == .modifyFailed)
        #expect(try chat.send("alice", to: "chat-3", "#modify carol admin chat-9").returnCode == .modifyFailed)
        #expect(try chat.send("zed", to: "chat-3", "#modify carol admin").returnCode == .modifyFailed)
        let member = try chat.send("carol", to: "chat-3", "#modify carol owner")
        #expect(member.returnCode == .success)
        #expect(member.sent == ["sip:chat-3@imc.test -> sip:carol@imc.test: *** You don't have the permmission to modify members in this room"])
        #expect(member.changes.isEmpty)
    }
}
