import Foundation
import SIPCore
import SIPTesting
import Testing

/// `parley-imc` driven over real UDP by several user agents, checking exactly what each receives
/// against Kamailio imc 5.6's texts and headers (specs/imc.md §4–§8).
@Suite(.serialized) struct ParleyIMCTests {
    static let room = "sip:chat-1@imc.test"

    static func bodies(_ messages: [SIPMessage]) -> [String] {
        messages.map { String(decoding: $0.body, as: UTF8.self) }
    }

    @Test func createJoinAndFanOut() async throws {
        let server = try await IMCServer()
        let alice = try TestUserAgent(user: "alice", serverPort: server.port)
        let bob = try TestUserAgent(user: "bob", serverPort: server.port)
        let carol = try TestUserAgent(user: "carol", serverPort: server.port)
        for agent in [alice, bob, carol] { #expect(try await agent.register() == 200) }

        #expect(try await alice.message("#create", to: Self.room) == 200)
        #expect(Self.bodies(await alice.receiveMessages(count: 1)) == ["*** Room was created"])
        #expect(try await bob.message("#join", to: Self.room) == 200)
        #expect(try await carol.message("#join chat-1", to: "sip:chat-manager@imc.test") == 200)
        #expect(Set(Self.bodies(await alice.receiveMessages(count: 1))) == ["*** [bob] has joined the room", "*** [carol] has joined the room"])

        #expect(try await bob.message("hello\nall", to: Self.room) == 200)
        let aliceGot = try #require(await alice.receiveMessages(count: 1).first)
        #expect(String(decoding: aliceGot.body, as: UTF8.self) == "[bob]: hello\nall")
        #expect(aliceGot.from.uri.description == Self.room)
        #expect(aliceGot.to.uri.description == "sip:alice@imc.test")
        #expect(aliceGot.cseq.sequenceNumber == 10)
        #expect(aliceGot.contentType == "text/plain")
        #expect(aliceGot.headers["Supported"] == "kamailio/imc")
        #expect(aliceGot.headers["In-Reply-To"]?.hasPrefix("bob-") == true)
        #expect(Self.bodies(await carol.receiveMessages(count: 1)).contains("[bob]: hello\nall"))
        #expect(!Self.bodies(await bob.receiveMessages(count: 1)).contains("[bob]: hello\nall"), "the sender hears nothing back")

        #expect(try await carol.message("#members", to: Self.room) == 200)
        #expect(Self.bodies(await carol.receiveMessages(count: 1)) == ["Members:\n*[alice]\n[carol]\n[bob]"])
        #expect(try await alice.message("#leave", to: Self.room) == 200)
        #expect(Self.bodies(await alice.receiveMessages(count: 1)) == [
            "*** You are the room's owner and cannot leave. Use #destroy if you wish to destroy the room.",
        ])
        #expect(try await bob.message("#frobnicate", to: Self.room) == 200)
        #expect(Self.bodies(await bob.receiveMessages(count: 1)).contains("*** Invalid command 'frobnicate' (send '#help' for help)"))
        #expect(try await bob.message("#destroy", to: Self.room) == 500, "only the owner destroys")

        // Kamailio's RPC shapes (imc.md §14, §15), over HTTP with curl.
        #expect(try await server.rpc("imc.list_rooms").contains(#"{"room":"sip:chat-1@imc.test","members":3,"owner":"sip:alice@imc.test"}"#))
        #expect(try await server.rpc("imc.list_members", [Self.room]).contains(
            #""members":["sip:alice@imc.test","sip:carol@imc.test","sip:bob@imc.test"],"count":3"#))
        #expect(try await server.rpc("imc.list_members", ["chat-9"]).contains("Invalid room name"))
        #expect(try await server.rpc("stats.get_statistics", ["imc:"]).contains("imc:active_rooms = 1"))
    }

    @Test func privateRoomInvitationAndUnregisteredInvitee() async throws {
        let server = try await IMCServer()
        let alice = try TestUserAgent(user: "alice", serverPort: server.port)
        let bob = try TestUserAgent(user: "bob", serverPort: server.port)
        let dave = try TestUserAgent(user: "dave", serverPort: server.port)
        for agent in [alice, bob, dave] { try await agent.register() }

        #expect(try await alice.message("#create chat-1 private", to: "sip:chat-manager@imc.test") == 200)
        _ = await alice.receiveMessages()
        #expect(try await dave.message("#join", to: Self.room) == 200)
        #expect(Self.bodies(await dave.receiveMessages(count: 1)).contains(
            "*** Private rooms are by invitation only. Room owners have been notified."))
        #expect(Self.bodies(await alice.receiveMessages(count: 1)) == ["*** [dave] attempted to join the room"])

        #expect(try await alice.message("#invite bob", to: Self.room) == 200)
        #expect(Self.bodies(await bob.receiveMessages(count: 1)) == [
            "*** [alice] invites you to join the room (send '#accept' or '#reject')",
        ])
        #expect(try await bob.message("#accept", to: Self.room) == 200)
        #expect(Self.bodies(await alice.receiveMessages(count: 1)) == ["*** [bob] has joined the room"])

        // erin never registered: the invitation fails and erin leaves the room again (imc.md §4 #invite).
        #expect(try await alice.message("#invite erin", to: Self.room) == 200)
        // erin's invitation fails and erin is removed, written through to the room's database.
        try await eventually("erin's failed invitation to remove erin from chat-1", within: .seconds(5), pollingEvery: .milliseconds(100)) {
            let rows = try await PeerProcess.run(
                "/usr/bin/sqlite3", [server.databasePath, "SELECT count(*) FROM imc_members WHERE username = 'erin'"], within: .seconds(10))
            return rows.exitStatus == 0 && rows.output.trimmingCharacters(in: .whitespacesAndNewlines) == "0"
        }
        #expect(try await alice.message("#members", to: Self.room) == 200)
        #expect(Self.bodies(await alice.receiveMessages(count: 1)).last == "Members:\n*[alice]\n[bob]")
    }

    @Test func roomsSurviveARestart() async throws {
        let first = try await IMCServer()
        let alice = try TestUserAgent(user: "alice", serverPort: first.port)
        try await alice.register()
        #expect(try await alice.message("#create chat-1 private", to: "sip:chat-manager@imc.test") == 200)
        #expect(try await alice.message("#invite bob", to: Self.room) == 200)
        first.process.stop()

        let second = try await IMCServer(databasePath: first.databasePath)
        let again = try TestUserAgent(user: "alice", serverPort: second.port)
        try await again.register()
        #expect(try await again.message("#members", to: Self.room) == 200)
        #expect(Self.bodies(await again.receiveMessages(count: 1)) == ["Members:\n*[alice]"], "bob is invited, not yet a member")
        #expect(try await again.message("#rooms", to: "sip:chat-manager@imc.test") == 200)
        #expect(Self.bodies(await again.receiveMessages(count: 1)) == ["Rooms:\n[chat-1]"])
    }

    @Test func everyAcknowledgedJoinSurvivesKillNine() async throws {
        let first = try await IMCServer()
        let owner = try TestUserAgent(user: "owner", serverPort: first.port)
        try await owner.register()
        #expect(try await owner.message("#create", to: Self.room) == 200)
        var acknowledged: [String] = []
        for index in 1...30 {
            let agent = try TestUserAgent(user: "u\(index)", serverPort: first.port)
            agent.responseTimeout = .milliseconds(index > 25 ? 300 : 3000)
            if try await agent.message("#join", to: Self.room) == 200 { acknowledged.append("u\(index)") }
            if index == 25 { first.process.crash() }
        }
        #expect(acknowledged.count == 25)

        let second = try await IMCServer(databasePath: first.databasePath)
        let check = try TestUserAgent(user: "owner", serverPort: second.port)
        try await check.register()
        #expect(try await check.message("#members", to: Self.room) == 200)
        let listed = Self.bodies(await check.receiveMessages(count: 1)).last ?? ""
        for user in acknowledged { #expect(listed.contains("[\(user)]"), "\(user) was acknowledged before the crash") }
    }

    @Test func aBurstOfJoinsLosesNoMember() async throws {
        let server = try await IMCServer()
        // The owner registers only after the burst, so 60 "has joined" broadcasts do not pile up
        // unread in its socket meanwhile.
        let owner = try TestUserAgent(user: "owner", serverPort: server.port)
        #expect(try await owner.message("#create", to: Self.room) == 200)
        // 60 joins sent back to back from one socket, before any answer is read.
        let burst = try TestUDPSocket()
        for index in 1...60 {
            let text = "MESSAGE \(Self.room) SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:\(burst.port);branch=z9hG4bK-burst-\(index);rport\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:b\(index)@imc.test>;tag=b\(index)\r\nTo: <\(Self.room)>\r\n"
                + "Call-ID: burst-\(index)\r\nCSeq: 1 MESSAGE\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\n#join"
            try burst.send(Array(text.utf8), to: "127.0.0.1", port: server.port)
        }
        // Every answer, however late on a busy machine (at most 10 s), and any extra within the original 2 s.
        var datagrams: [[UInt8]] = []
        let listening = ContinuousClock.now
        try? await eventually("60 answers to the burst of joins", within: .seconds(10)) {
            while let datagram = burst.receiveNow()?.bytes { datagrams.append(datagram) }
            return datagrams.count >= 60 && ContinuousClock.now - listening >= .seconds(2)
        }
        let answers = datagrams.compactMap { try? SIPMessage(parsing: $0) }
        #expect(Set(answers.filter { $0.statusCode == 200 }.map(\.callID)).count == 60, "every join is acknowledged")
        try await owner.register()
        #expect(try await owner.message("#members", to: Self.room) == 200)
        let members = Self.bodies(await owner.receiveMessages(count: 1)).last { $0.hasPrefix("Members:") } ?? ""
        #expect(members.split(separator: "\n").count == 62, "the header line, the owner and 60 members")
        #expect((1...60).allSatisfy { members.contains("[b\($0)]") })
    }

    @Test func badInputGetsAClearAnswerAndLosesNothing() async throws {
        let server = try await IMCServer()
        let alice = try TestUserAgent(user: "alice", serverPort: server.port)
        try await alice.register()
        #expect(try await alice.message("#create", to: Self.room) == 200)
        let broken = "MESSAGE sip:chat-1@imc.test SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:\(alice.socket.port);branch=z9hG4bK-x\r\n"
            + "From: <sip:alice@imc.test>;tag=1\r\nTo: <sip:chat-1@imc.test>\r\nCall-ID: broken\r\nCSeq: 1 INVITE\r\n"
            + "Content-Length: 2\r\n\r\nhi"
        let answer = try #require(try await alice.sendRaw(broken))
        #expect(String(decoding: answer, as: UTF8.self).hasPrefix("SIP/2.0 400 Bad Request (CSeq method does not match"))
        #expect(try await alice.message("", to: Self.room) == 500, "an empty body is Kamailio's rc -1")
        #expect(try await alice.message("#members", to: Self.room) == 200)
        #expect(Self.bodies(await alice.receiveMessages(count: 1)).last == "Members:\n*[alice]")
    }
}
