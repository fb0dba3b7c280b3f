import ConferenceModel
import IMCCommands
import Testing

/// Plain messages (spec §5, observed (01), (04), (10), (11)).
@Suite struct IMCRoomManagerRelayTests {
    private func room() throws -> IMCChat {
        var chat = IMCChat()
        _ = try chat.send("alice", to: "chat-1", "#create")
        _ = try chat.send("bob", to: "chat-1", "#join")
        _ = try chat.send("carol", to: "chat-1", "#join")
        _ = try chat.send("alice", to: "chat-1", "#invite dave")
        return chat
    }

    @Test func relaysToActiveMembersButTheSender() throws {
        var chat = try room()
        let relay = try chat.send("sip:bob@imc.test:5098;transport=udp", to: "sip:chat-1@imc.test;x=y", "line one\nline two")
        #expect(relay.returnCode == .success)
        #expect(relay.sent == [
            "sip:chat-1@imc.test -> sip:alice@imc.test: [bob]: line one\nline two",
            "sip:chat-1@imc.test -> sip:carol@imc.test: [bob]: line one\nline two",
        ])
        #expect(relay.outgoing.allSatisfy { $0.inReplyTo == "step5" && $0.headerStyle == .standard })
        #expect(relay.changes.isEmpty)
    }

    @Test func bodyBytesPassUnchanged() throws {
        var chat = try room()
        let body = Array("  #leave\tüñí\u{1}<?xml version=\"1.0\"?>".utf8) + [0xFF, 0x00, 0x41]
        let relay = try chat.send("carol", to: "chat-1", bytes: body)
        #expect(relay.outgoing.first?.body == Array("[carol]: ".utf8) + body)
    }

    @Test func thePrefixNamesTheMemberAsStored() throws {
        var chat = try room()
        let relay = try chat.send("BOB", to: "chat-1", "hi")
        #expect(relay.outgoing.first?.bodyText == "[bob]: hi")
    }

    @Test func refusedSenders() throws {
        var chat = try room()
        #expect(try chat.send("dave", to: "chat-1", "hello").returnCode == .messageFailed)
        #expect(try chat.send("erin", to: "chat-1", "hello").returnCode == .messageFailed)
        #expect(try chat.send("alice", to: "chat-2", "hello").returnCode == .messageFailed)
        #expect(try chat.send("alice", to: "chat-manager", "hello").returnCode == .messageFailed)
    }

    /// Observed (04) step 18: alone in the room, nothing is sent and the request still succeeds.
    @Test func aLonelySenderSucceeds() throws {
        var chat = IMCChat()
        _ = try chat.send("alice", to: "chat-1", "#create")
        let relay = try chat.send("alice", to: "chat-1", "anyone?")
        #expect(relay.returnCode == .success)
        #expect(relay.outgoing.isEmpty)
    }

    /// The relayed body, `[bob]: ` included, must stay under the 32768-byte buffer.
    @Test func bodyLimit() throws {
        var chat = try room()
        let fits = try chat.send("bob", to: "chat-1", String(repeating: "x", count: 32760))
        #expect(fits.returnCode == .success)
        #expect(fits.outgoing.first?.body.count == 32767)
        let tooLong = try chat.send("bob", to: "chat-1", String(repeating: "x", count: 32761))
        #expect(tooLong.returnCode == .messageFailed)
        #expect(tooLong.outgoing.isEmpty)
    }
}
