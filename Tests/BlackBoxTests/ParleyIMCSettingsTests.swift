import Foundation
import SIPCore
import SIPTesting
import Testing

/// `parley-imc`'s settings seen on the wire: a JSON config file, the command line overriding it,
/// `--extra-headers`, `--outbound-proxy` and a TCP listener (specs/imc.md §7, §12).
@Suite(.serialized) struct ParleyIMCSettingsTests {
    static let room = "sip:chat-1@imc.test"

    static func bodies(_ messages: [SIPMessage]) -> [String] {
        messages.map { String(decoding: $0.body, as: UTF8.self) }
    }

    /// A config file in the temporary folder holding `json`.
    static func configFile(_ json: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parley-imc-\(UUID().uuidString).json").path
        try json.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static func fileSettings(database: String) throws -> String {
        try configFile("""
            {
              "listen": ["udp:127.0.0.1:0"],
              "db": "\(database)",
              "rpc": "127.0.0.1:0",
              "cmd-char": "!",
              "create-on-join": 0,
              "check-on-create": 1
            }
            """)
    }

    @Test func settingsComeFromTheConfigFile() async throws {
        let database = IMCServer.newDatabasePath()
        let server = try await IMCServer(arguments: ["--config", try Self.fileSettings(database: database)], databasePath: database)
        let alice = try TestUserAgent(user: "alice", serverPort: server.port)
        let bob = try TestUserAgent(user: "bob", serverPort: server.port)
        for agent in [alice, bob] { try await agent.register() }

        #expect(try await alice.message("!create", to: Self.room) == 200)
        #expect(Self.bodies(await alice.receiveMessages(count: 1)) == ["*** Room was created"])
        #expect(try await alice.message("!create", to: Self.room) == 200)
        #expect(Self.bodies(await alice.receiveMessages(count: 1)) == ["*** Room already exists"], "check-on-create 1")
        #expect(try await bob.message("!join chat-2", to: Self.room) == 200)
        #expect(Self.bodies(await bob.receiveMessages(count: 1)) == ["*** Room not found"], "create-on-join 0")
        #expect(try await bob.message("!frobnicate", to: Self.room) == 200)
        #expect(Self.bodies(await bob.receiveMessages(count: 1)) == ["*** Invalid command 'frobnicate' (send '!help' for help)"])
        #expect(try await alice.message("!invite bob", to: Self.room) == 200)
        #expect(Self.bodies(await bob.receiveMessages(count: 1)) == ["*** [alice] invites you to join the room (send '!accept' or '!reject')"])
        #expect(try await bob.message("!accept", to: Self.room) == 200)
        _ = await alice.receiveMessages(); _ = await bob.receiveMessages()
        // '#' is no command now: it is text for the room.
        #expect(try await bob.message("#members", to: Self.room) == 200)
        #expect(Self.bodies(await alice.receiveMessages(count: 1)) == ["[bob]: #members"])
    }

    @Test func theCommandLineOverridesTheConfigFile() async throws {
        let database = IMCServer.newDatabasePath()
        let server = try await IMCServer(
            arguments: ["--config", try Self.fileSettings(database: database), "--cmd-char", "%", "--check-on-create", "0"],
            databasePath: database)
        let alice = try TestUserAgent(user: "alice", serverPort: server.port)
        try await alice.register()
        #expect(try await alice.message("%create", to: Self.room) == 200)
        #expect(Self.bodies(await alice.receiveMessages(count: 1)) == ["*** Room was created"])
        #expect(try await alice.message("%create", to: Self.room) == 200)
        #expect(Self.bodies(await alice.receiveMessages(count: 1)) == ["*** Room already exists and you are a member"], "check-on-create 0")
        #expect(try await alice.message("%join chat-2", to: Self.room) == 200)
        #expect(Self.bodies(await alice.receiveMessages(count: 1)) == ["*** Room not found"], "create-on-join 0 still comes from the file")
    }

    @Test func aMisspeltKeyStopsTheStart() async throws {
        let file = try Self.configFile(#"{"cmd_char": "!"}"#)
        let process = try PeerProcess.product("parley-imc", arguments: ["--config", file])
        let line = try await process.waitForLine(containing: "unknown key")
        #expect(line.contains("cmd_char"))
        #expect(line.contains(file))
    }

    @Test func extraHeadersFollowKamailiosOwnOnEveryMessage() async throws {
        let server = try await IMCServer(extraArguments: ["--extra-headers", #"X-A: b\r\nX-C: d\r\n"#])
        let alice = try TestUserAgent(user: "alice", serverPort: server.port)
        let bob = try TestUserAgent(user: "bob", serverPort: server.port)
        for agent in [alice, bob] { try await agent.register() }
        #expect(try await alice.message("#create", to: Self.room) == 200)
        #expect(try await bob.message("#join", to: Self.room) == 200)
        #expect(try await bob.message("hi", to: Self.room) == 200)
        #expect(try await bob.message("#help", to: Self.room) == 200)
        _ = await alice.receiveMessages(); _ = await bob.receiveMessages()
        // imc.md §7, 5.6: Content-Type, Supported, extra_hdrs, then In-Reply-To.
        let block = "Content-Type: text/plain\r\nSupported: kamailio/imc\r\nX-A: b\r\nX-C: d\r\nIn-Reply-To: "
        #expect(alice.inboxText.count == 3)
        #expect(bob.inboxText.count == 2)
        for text in alice.inboxText + bob.inboxText { #expect(text.contains(block), "\(text)") }
    }

    @Test func theOutboundProxyGetsEveryMessage() async throws {
        let sink = try TestUDPSocket()
        let server = try await IMCServer(extraArguments: ["--outbound-proxy", "sip:127.0.0.1:\(sink.port)"])
        let alice = try TestUserAgent(user: "alice", serverPort: server.port)
        try await alice.register()
        #expect(try await alice.message("#create", to: Self.room) == 200)
        #expect(try await alice.message("#help", to: Self.room) == 200)
        // The sink never answers, so each MESSAGE is retransmitted (RFC 3261 §17.1.2.2): one per Call-ID.
        // Listen for 600 ms, and on until both MESSAGEs are in (at most 5 s).
        var sent: [String: String] = [:]
        let listening = ContinuousClock.now
        try? await eventually("MESSAGEs of two Call-IDs at the outbound proxy", within: .seconds(5)) {
            while let datagram = sink.receiveNow()?.bytes {
                let message = try SIPMessage(parsing: datagram)
                sent[message.callID] = String(decoding: datagram, as: UTF8.self)
            }
            return sent.count >= 2 && ContinuousClock.now - listening >= .milliseconds(600)
        }
        let requestLines = sent.values.compactMap { $0.split(separator: "\r\n").first.map(String.init) }
        #expect(requestLines == ["MESSAGE sip:alice@imc.test SIP/2.0", "MESSAGE sip:alice@imc.test SIP/2.0"])
        #expect(sent.values.contains { $0.hasSuffix("\r\n\r\n*** Room was created") })
        #expect(await alice.receiveMessages(window: .milliseconds(200)).isEmpty, "nothing goes to the registered address")
    }

    @Test func registerAndMessagesOverTCP() async throws {
        let server = try await IMCServer(extraArguments: ["--listen", "tcp:127.0.0.1:0"])
        let connection = try TestTCPConnection(host: "127.0.0.1", port: try await server.listeningPort(transport: "tcp"))
        func request(_ method: String, _ uri: String, to: String? = nil, _ sequence: Int, headers: String, body: String) -> [UInt8] {
            Array(("\(method) \(uri) SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:5999;branch=z9hG4bK-tcp\(sequence)\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:alice@imc.test>;tag=tcp\(sequence)\r\nTo: <\(to ?? uri)>\r\n"
                + "Call-ID: tcp-\(sequence)\r\nCSeq: \(sequence) \(method)\r\n\(headers)"
                + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)").utf8)
        }
        try connection.send(request("REGISTER", "sip:imc.test", to: "sip:alice@imc.test", 1,
            headers: "Contact: <sip:alice@127.0.0.1:5999;transport=tcp>\r\nExpires: 300\r\n", body: ""))
        let registered = try SIPMessage(parsing: try #require(await connection.receiveMessage()))
        #expect(registered.statusCode == 200)

        try connection.send(request("MESSAGE", Self.room, 2, headers: "Content-Type: text/plain\r\n", body: "#create"))
        var received: [SIPMessage] = []
        while received.count < 2, let bytes = await connection.receiveMessage() { received.append(try SIPMessage(parsing: bytes)) }
        #expect(received.count == 2, "\(server.process.output)")
        #expect(received.first { $0.statusCode != nil }?.statusCode == 200)
        let created = try #require(received.first { $0.isRequest })
        #expect(String(decoding: created.body, as: UTF8.self) == "*** Room was created")
        #expect(created.topVia?.transport.uppercased() == "TCP")
        var ok = SIPMessage(responseTo: created, statusCode: 200)
        ok.to.tag = "tcp"
        try connection.send(ok.serialized())

        // A UDP user joins; the TCP user hears it on the same connection.
        let bob = try TestUserAgent(user: "bob", serverPort: server.port)
        try await bob.register()
        #expect(try await bob.message("#join", to: Self.room) == 200)
        let joined = try SIPMessage(parsing: try #require(await connection.receiveMessage()))
        #expect(String(decoding: joined.body, as: UTF8.self) == "*** [bob] has joined the room")
    }
}
