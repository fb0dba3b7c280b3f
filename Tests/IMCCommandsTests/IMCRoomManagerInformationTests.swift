import ConferenceModel
import IMCCommands
import Testing

/// `#rooms`, `#members`, `#help`, unknown commands and the return codes of malformed input.
@Suite struct IMCRoomManagerInformationTests {
    /// Observed (01): with no rooms the body is exactly `Rooms:`.
    @Test func roomsWithNoRooms() throws {
        var chat = IMCChat()
        let rooms = try chat.send("alice", to: "chat-manager", "#rooms")
        #expect(rooms.sent == ["sip:chat-manager@imc.test -> sip:alice@imc.test: Rooms:"])
    }

    /// Observed (04), (07), (10): hash bucket order, newest first within a bucket, private rooms
    /// included, answered from the Request-URI to the From URI verbatim.
    @Test func roomsInKamailioHashOrder() throws {
        var chat = IMCChat()
        _ = try chat.send("alice", to: "chat-manager", "#create chat-4")
        _ = try chat.send("alice", to: "chat-manager", "#create chat-44")
        _ = try chat.send("alice", to: "chat-manager", "#join")
        _ = try chat.send("bob", to: "chat-manager", "#create chat-9 private")
        _ = try chat.send("bob", to: "chat-manager", "#create chat-8")
        _ = try chat.send("bob", to: "chat-manager", "#create chat-7")
        let rooms = try chat.send(
            "sip:carol@imc.test:5098;transport=udp", to: "sip:chat-manager@imc.test:5999;transport=udp", "#ROOMS extra"
        )
        #expect(rooms.returnCode == .success)
        #expect(rooms.sent == [
            "sip:chat-manager@imc.test:5999;transport=udp -> sip:carol@imc.test:5098;transport=udp: "
                + "Rooms:\n[chat-9]\n[chat-8]\n[chat-7]\n[chat-manager]\n[chat-44]\n[chat-4]"
        ])
        #expect(chat.manager.roomListing.map(\.room) == [
            "sip:chat-9@imc.test", "sip:chat-8@imc.test", "sip:chat-7@imc.test", "sip:chat-manager@imc.test",
            "sip:chat-44@imc.test", "sip:chat-4@imc.test",
        ])
    }

    /// Kamailio's buffer: the listing must stay three bytes under `bodyBufferSize`.
    @Test func listingsThatOverrunTheBufferFail() throws {
        let configuration = try IMCConfiguration(bodyBufferSize: 1024)
        let long = [String(repeating: "a", count: 500), String(repeating: "b", count: 500)]
        func chat(lastRoom: String) -> IMCChat {
            IMCChat(configuration: configuration, rooms: (long + [lastRoom]).map {
                IMRoom(address: address($0), isPrivate: false, members: [member("alice", .owner)])
            })
        }
        var fits = chat(lastRoom: "chat-x")
        let fitting = try fits.send("alice", to: "chat-manager", "#rooms")
        #expect(fitting.returnCode == .success)
        #expect(fitting.outgoing.first?.body.count == 1021)
        var overruns = chat(lastRoom: "chat-xy")
        let overrun = try overruns.send("alice", to: "chat-manager", "#rooms")
        #expect(overrun.returnCode == .listFailed)
        #expect(overrun.outgoing.isEmpty)
    }

    @Test func membersNeedsMembership() throws {
        var chat = IMCChat()
        _ = try chat.send("alice", to: "chat-1", "#create")
        #expect(try chat.send("dave", to: "chat-1", "#members").returnCode == .listFailed)
        #expect(try chat.send("alice", to: "chat-9", "#list").returnCode == .listFailed)
        let list = try chat.send("sip:alice@imc.test:5060", to: "chat-manager", "#list chat-1 extra args")
        #expect(list.sent == ["sip:chat-1@imc.test -> sip:alice@imc.test: Members:\n*[alice]"])
    }

    /// Observed (04): `IMC_HELP_MSG` of Kamailio 5.6, byte for byte.
    @Test func help() throws {
        var chat = IMCChat()
        let help = try chat.send("sip:bob@imc.test:5098", to: "sip:chat-5@imc.test;x=1", "#HELP me")
        let expected =
            "\r\n#create <room_name> - create new conference room\r\n#join [<room_name>] - join the conference room\r\n#invite <user_name> [<room_name>] - invite a user to join a conference room\r\n#add <user_name> [<room_name>] - add a user to a conference room\r\n#accept - accept invitation to join a conference room\r\n#reject - reject invitation to join a conference room\r\n#remove <user_name> [<room_name>] - remove a user from the conference room\r\n#members - list members is a conference room\r\n#rooms - list existing conference rooms\r\n#leave [<room_name>] - leave from a conference room\r\n#destroy [<room_name>] - destroy conference room\r\n"
        #expect(help.returnCode == .success)
        #expect(help.outgoing.map(\.from) == ["sip:chat-5@imc.test;x=1"])
        #expect(help.outgoing.map(\.to) == ["sip:bob@imc.test:5098"])
        #expect(help.outgoing.first?.body == Array(expected.utf8))

        var modern = IMCChat(configuration: try IMCConfiguration(helpListsModify: true))
        let modernHelp = try modern.send("bob", to: "chat-5", "#help")
        #expect(modernHelp.outgoing.first?.bodyText.contains(
            "#add <user_name> [<room_name>] - add a user to a conference room\r\n#modify <user_name> <role> [<room_name>] - modify user role in a conference room\r\n#accept"
        ) == true)
    }

    /// Observed (04), (10).
    @Test func unknownCommands() throws {
        var chat = IMCChat()
        let unknown = try chat.send("sip:bob@imc.test:5098;transport=udp", to: "chat-4", "#frobnicate x")
        #expect(unknown.returnCode == .success)
        #expect(unknown.sent == [
            "sip:chat-4@imc.test -> sip:bob@imc.test:5098;transport=udp: *** Invalid command 'frobnicate' (send '#help' for help)"
        ])
        let tooLong = try chat.send("bob", to: "chat-4", "#" + String(repeating: "x", count: 32768))
        #expect(tooLong.returnCode == .unknownCommandFailed)
        #expect(tooLong.sipStatus.statusCode == 500)
        #expect(tooLong.outgoing.isEmpty)
    }

    @Test func malformedInput() throws {
        var chat = IMCChat()
        let empty = try chat.send("bob", to: "chat-4", bytes: [])
        #expect(empty.returnCode == .invalidRequest)
        #expect(empty.returnCode.rawValue == -1)
        for body in ["#", "# join", "#\nmembers"] {
            let outcome = try chat.send("bob", to: "chat-4", body)
            #expect(outcome.returnCode == .commandParseFailed)
            #expect(outcome.returnCode.rawValue == -20)
            #expect(outcome.sipStatus.statusCode == 500)
        }
    }

    @Test func returnCodesAreKamailios() {
        #expect(IMCReturnCode.allCases.map(\.rawValue) == [1, -1, -20, -30, -40, -50, -60, -70, -80, -90, -100, -110, -120, -130, -200])
        for code in IMCReturnCode.allCases where code != .success {
            #expect(code.sipStatus.statusCode == 500)
            #expect(!code.sipStatus.reasonPhrase.isEmpty)
        }
    }
}
