import NIOPosix
import SIPCore
import Testing

/// REGISTER against a running `sip-echo-server` that requires digest authentication, sent by
/// a SIPCore endpoint that answers the challenge (RFC 3261 §10, §22.2).
@Suite(.serialized) struct EchoServerRegistrationTests {
    static func register(
        _ server: EchoServer, client: SIPEndpoint, contactPort: Int, expires: Int, sequenceNumber: UInt32 = 1,
        callID: String = SIPIdentifiers.callID()
    ) async throws -> SIPMessage {
        let aor = try SIPURI(parsing: "sip:alice@127.0.0.1")
        let contact = SIPNameAddress(uri: try SIPURI(parsing: "sip:alice@127.0.0.1:\(contactPort)"))
        return SIPMessage(
            request: .register, uri: try SIPURI(parsing: "sip:127.0.0.1"), via: client.makeVia(for: .udp),
            from: SIPNameAddress(uri: aor, parameters: [SIPParameter(name: "tag", value: SIPIdentifiers.tag())]),
            to: SIPNameAddress(uri: aor), callID: callID, sequenceNumber: sequenceNumber, contacts: [contact],
            headers: [SIPHeaderField(name: "Expires", value: String(expires))])
    }

    static func client() async throws -> SIPEndpoint {
        let endpoint = SIPEndpoint(
            configuration: .init(listenAddresses: [try SIPTransportAddress(.udp, host: "127.0.0.1", port: 0)]),
            eventLoop: MultiThreadedEventLoopGroup.singleton.next(), requestHandler: { _ in })
        _ = try await endpoint.start()
        return endpoint
    }

    @Test func registerWithDigestCredentials() async throws {
        let server = try await EchoServer(tcp: false, extraArguments: ["--user", "alice:secret", "--realm", "parley.test"])
        let client = try await Self.client()
        let destination = try SIPTransportAddress(.udp, host: "127.0.0.1", port: server.udpPort)

        let unauthenticated = try await client.send(Self.register(server, client: client, contactPort: 5999, expires: 300), to: destination)
        #expect(unauthenticated.statusCode == 401)
        let challenges = unauthenticated.headers.values(.wwwAuthenticate)
        #expect(challenges.count == 2 && challenges.allSatisfy { $0.contains("realm=\"parley.test\"") })

        let callID = SIPIdentifiers.callID()
        let accepted = try await client.send(
            Self.register(server, client: client, contactPort: 5999, expires: 300, callID: callID), to: destination,
            username: "alice", password: "secret")
        #expect(accepted.statusCode == 200)
        let binding = try #require(accepted.contacts.first)
        #expect(binding.uri.port == 5999)
        let expires = try #require((binding.parameters.value(named: "expires") ?? nil).flatMap { Int($0) })
        #expect((299...300).contains(expires))

        let wrongPassword = try await client.send(
            Self.register(server, client: client, contactPort: 5998, expires: 300), to: destination,
            username: "alice", password: "guess")
        #expect(wrongPassword.statusCode == 401, "a second challenge is the final answer")

        let removed = try await client.send(
            Self.register(server, client: client, contactPort: 5999, expires: 0, sequenceNumber: 3, callID: callID),
            to: destination, username: "alice", password: "secret")
        #expect(removed.statusCode == 200 && removed.contacts.isEmpty)
        await client.shutdown()
        try await server.expectAlive()
    }
}
