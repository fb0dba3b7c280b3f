import Testing

@testable import SIPCore

@Suite struct DigestAuthenticatorTests {
    private static let realm = "parley.example"
    private static let uri = "sip:parley.example"
    private static let passwords = ["alice": "wonderland", "bob": "builder"]

    private static func lookup(_ username: String, _ realm: String) -> DigestSecret? {
        guard realm == Self.realm, let password = passwords[username] else { return nil }
        return .password(password)
    }

    private func makeServer(
        algorithms: [DigestAlgorithm] = [.sha256, .md5],
        qopOptions: [DigestQualityOfProtection] = [.auth],
        kind: DigestAuthenticationKind = .userToUser
    ) -> DigestAuthenticator {
        DigestAuthenticator(
            realm: Self.realm,
            kind: kind,
            algorithms: algorithms,
            qopOptions: qopOptions,
            nonceLifetime: 60,
            random: SplitMix64(seed: 7)
        )
    }

    private func makeClient(username: String = "alice", password: String = "wonderland") -> DigestClient {
        DigestClient(username: username, password: password, random: SplitMix64(seed: 42))
    }

    private func verify(
        _ server: inout DigestAuthenticator,
        _ fields: [DigestHeaderField],
        method: String = "REGISTER",
        uri: String = Self.uri,
        body: [UInt8] = [],
        now: Double
    ) -> DigestAuthenticationOutcome {
        server.verify(
            credentialValues: fields.map(\.value),
            method: method,
            requestURI: uri,
            body: body,
            now: now,
            secretLookup: Self.lookup
        )
    }

    /// The client's credentials for a REGISTER answering `challenge`.
    private func register(_ client: inout DigestClient, answering challenge: [String]) throws -> [DigestHeaderField] {
        try client.respond(to: challenge, kind: .userToUser, method: "REGISTER", uri: Self.uri)
    }

    @Test func challengeOffersSHA256FirstThenMD5WithOneNonce() throws {
        var server = makeServer()
        let fields = server.challenge(now: 1000)
        #expect(fields.map(\.name) == ["WWW-Authenticate", "WWW-Authenticate"])
        let challenges = try fields.map { try DigestChallenge.parse(headerValue: $0.value) }
        #expect(challenges.map(\.algorithm) == [.sha256, .md5])
        #expect(challenges[0].nonce == challenges[1].nonce)
        #expect(challenges.allSatisfy { $0.realm == Self.realm && $0.qopOptions == [.auth] && !$0.stale })
        #expect(server.challenge(now: 1000)[0] != fields[0], "every challenge carries a fresh nonce")
    }

    @Test(arguments: [DigestAlgorithm.md5, .sha256, .md5Session, .sha256Session])
    func clientAndServerAgree(algorithm: DigestAlgorithm) throws {
        var server = makeServer(algorithms: [algorithm])
        var client = makeClient()
        let answer = try client.respond(
            to: server.challenge(now: 1000).map(\.value),
            kind: .userToUser,
            method: "REGISTER",
            uri: Self.uri
        )
        #expect(answer.map(\.name) == ["Authorization"])
        #expect(try DigestCredentials.parse(headerValue: answer[0].value).algorithm == algorithm)
        #expect(verify(&server, answer, now: 1001) == .authenticated(username: "alice"))
    }

    @Test func clientPicksSHA256WhenBothAreOffered() throws {
        var server = makeServer()
        var client = makeClient()
        let answer = try client.respond(
            to: server.challenge(now: 0).map(\.value),
            kind: .userToUser,
            method: "REGISTER",
            uri: Self.uri
        )
        #expect(answer.count == 1)
        #expect(try DigestCredentials.parse(headerValue: answer[0].value).algorithm == .sha256)
        #expect(verify(&server, answer, now: 1) == .authenticated(username: "alice"))
    }

    @Test func authIntCoversTheBody() throws {
        var server = makeServer(qopOptions: [.authInt])
        var client = makeClient()
        let body = Array("v=0\r\n".utf8)
        let answer = try client.respond(
            to: server.challenge(now: 0).map(\.value),
            kind: .userToUser,
            method: "INVITE",
            uri: Self.uri,
            body: body
        )
        #expect(verify(&server, answer, method: "INVITE", body: Array("v=1\r\n".utf8), now: 1) == .rejected(.wrongResponse))
        #expect(verify(&server, answer, method: "INVITE", body: body, now: 1) == .authenticated(username: "alice"))
    }

    @Test func proxyUses407HeaderNames() throws {
        var server = makeServer(kind: .proxyToUser)
        var client = makeClient()
        let challenge = server.challenge(now: 0)
        #expect(challenge.allSatisfy { $0.name == "Proxy-Authenticate" })
        #expect(server.kind.statusCode == 407)
        let answer = try client.respond(
            to: challenge.map(\.value),
            kind: .proxyToUser,
            method: "INVITE",
            uri: "sip:room@parley.example"
        )
        #expect(answer.map(\.name) == ["Proxy-Authorization"])
        #expect(verify(&server, answer, method: "INVITE", uri: "sip:room@parley.example", now: 1) == .authenticated(username: "alice"))
    }

    @Test func wrongPasswordIsRejected() throws {
        var server = makeServer()
        var client = makeClient(password: "looking-glass")
        let answer = try client.respond(
            to: server.challenge(now: 0).map(\.value),
            kind: .userToUser,
            method: "REGISTER",
            uri: Self.uri
        )
        #expect(verify(&server, answer, now: 1) == .rejected(.wrongResponse))
    }

    @Test func unknownUserIsRejected() throws {
        var server = makeServer()
        var client = makeClient(username: "mallory")
        let answer = try register(&client, answering: server.challenge(now: 0).map(\.value))
        #expect(verify(&server, answer, now: 1) == .rejected(.unknownUser))
    }

    @Test func expiredNonceWithRightPasswordGetsStaleChallenge() throws {
        var server = makeServer()
        var client = makeClient()
        let answer = try register(&client, answering: server.challenge(now: 0).map(\.value))
        #expect(verify(&server, answer, now: 61) == .challenge(stale: true))

        let stale = server.challenge(now: 61, stale: true)
        #expect(try DigestChallenge.parse(headerValue: stale[0].value).stale)
        let retry = try register(&client, answering: stale.map(\.value))
        #expect(retry[0].value.contains("nc=00000001"), "a new nonce starts counting again")
        #expect(verify(&server, retry, now: 62) == .authenticated(username: "alice"))
    }

    @Test func expiredNonceWithWrongPasswordIsRejectedNotStale() throws {
        var server = makeServer()
        var client = makeClient(password: "guess")
        let answer = try register(&client, answering: server.challenge(now: 0).map(\.value))
        #expect(verify(&server, answer, now: 100) == .rejected(.wrongResponse))
    }

    @Test func replayedNonceCountIsRejectedAndIncreasingCountAccepted() throws {
        var server = makeServer()
        var client = makeClient()
        let first = try register(&client, answering: server.challenge(now: 0).map(\.value))
        #expect(verify(&server, first, now: 1) == .authenticated(username: "alice"))
        #expect(verify(&server, first, now: 2) == .rejected(.replayedNonceCount))

        let second = client.authorize(method: "REGISTER", uri: Self.uri)
        #expect(second[0].value.contains("nc=00000002"))
        #expect(verify(&server, second, now: 3) == .authenticated(username: "alice"))
        #expect(verify(&server, first, now: 4) == .rejected(.replayedNonceCount), "an older count stays refused")
    }

    @Test func nonceWithoutQopIsSingleUse() throws {
        var server = makeServer(algorithms: [.md5], qopOptions: [])
        var client = makeClient()
        let challenge = server.challenge(now: 0)
        #expect(!challenge[0].value.contains("qop"))
        let answer = try register(&client, answering: challenge.map(\.value))
        #expect(!answer[0].value.contains("cnonce"))
        #expect(!answer[0].value.contains("nc="))
        #expect(verify(&server, answer, now: 1) == .authenticated(username: "alice"))
        #expect(verify(&server, answer, now: 2) == .challenge(stale: true))
    }

    @Test func forgedNonceIsRejected() throws {
        var server = makeServer()
        var client = makeClient()
        var challenge = try DigestChallenge.parse(headerValue: server.challenge(now: 0)[0].value)
        // Move the issue time forward by altering one hex digit of the timestamp part: the HMAC
        // no longer matches, even though the client answers with the right password.
        var characters = Array(challenge.nonce)
        characters[10] = characters[10] == "0" ? "1" : "0"
        challenge.nonce = String(characters)
        let answer = try register(&client, answering: [challenge.headerValue])
        #expect(verify(&server, answer, now: 1) == .rejected(.forgedNonce))
    }

    @Test func nonceFromAnotherAuthenticatorIsRejected() throws {
        var other = DigestAuthenticator(realm: Self.realm, random: SplitMix64(seed: 99))
        var server = makeServer()
        var client = makeClient()
        let answer = try register(&client, answering: other.challenge(now: 0).map(\.value))
        #expect(verify(&server, answer, now: 1) == .rejected(.forgedNonce))
    }

    @Test func sharedSecretLetsAnotherInstanceAcceptTheNonce() throws {
        let secret = Array(repeating: UInt8(0x5A), count: 32)
        var issuer = DigestAuthenticator(realm: Self.realm, secret: secret, random: SplitMix64(seed: 1))
        var checker = DigestAuthenticator(realm: Self.realm, secret: secret, random: SplitMix64(seed: 2))
        var client = makeClient()
        let answer = try register(&client, answering: issuer.challenge(now: 0).map(\.value))
        #expect(verify(&checker, answer, now: 1) == .authenticated(username: "alice"))
    }

    @Test func uriMismatchIsRejected() throws {
        var server = makeServer()
        var client = makeClient()
        let answer = try client.respond(
            to: server.challenge(now: 0).map(\.value),
            kind: .userToUser,
            method: "INVITE",
            uri: "sip:cheap-room@parley.example"
        )
        #expect(verify(&server, answer, method: "INVITE", uri: "sip:vip-room@parley.example", now: 1) == .rejected(.uriMismatch))
    }

    @Test func methodIsCoveredByTheResponse() throws {
        var server = makeServer()
        var client = makeClient()
        let answer = try register(&client, answering: server.challenge(now: 0).map(\.value))
        #expect(verify(&server, answer, method: "INVITE", now: 1) == .rejected(.wrongResponse))
    }

    @Test func missingOrForeignCredentialsLeadToAChallenge() {
        var server = makeServer()
        #expect(verify(&server, [], now: 0) == .challenge(stale: false))
        // RFC 4475 §3.3.7 (regaut01): a registrar requiring auth answers 401 with a scheme it knows.
        let regaut01 = DigestHeaderField(name: "Authorization", value: "NoOneKnowsThisScheme opaque-data=here")
        #expect(verify(&server, [regaut01], now: 0) == .challenge(stale: false))
        let otherRealm = DigestHeaderField(
            name: "Authorization",
            value: "Digest username=\"alice\", realm=\"elsewhere\", nonce=\"n\", uri=\"\(Self.uri)\", response=\"00\""
        )
        #expect(verify(&server, [otherRealm], now: 0) == .challenge(stale: false))
    }

    @Test func credentialsForThisRealmArePickedAmongSeveral() throws {
        var server = makeServer()
        var client = makeClient()
        let answer = try register(&client, answering: server.challenge(now: 0).map(\.value))
        let otherRealm = DigestHeaderField(
            name: "Authorization",
            value: "Digest username=\"alice\", realm=\"elsewhere\", nonce=\"n\", uri=\"\(Self.uri)\", response=\"00\""
        )
        #expect(verify(&server, [otherRealm] + answer, now: 1) == .authenticated(username: "alice"))
    }

    @Test func malformedDigestCredentialsAreRejected() {
        var server = makeServer()
        let broken = DigestHeaderField(name: "Authorization", value: "Digest username=\"alice, realm=")
        #expect(verify(&server, [broken], now: 0) == .rejected(.malformedCredentials))
    }

    @Test func algorithmNotOfferedIsRejected() throws {
        var md5Server = makeServer(algorithms: [.md5])
        var sha256Server = makeServer(algorithms: [.sha256])
        var client = makeClient()
        let answer = try register(&client, answering: md5Server.challenge(now: 0).map(\.value))
        #expect(verify(&sha256Server, answer, now: 1) == .rejected(.unsupportedAlgorithm))
    }

    @Test func storedHA1ServesItsHashFunctionOnly() throws {
        var server = makeServer()
        var client = makeClient()
        let stored = DigestSecret.hashed(username: "alice", realm: Self.realm, password: "wonderland", algorithm: .md5)
        let md5Challenge = server.challenge(now: 0).map(\.value).filter { $0.contains("algorithm=MD5") }
        let md5Answer = try register(&client, answering: md5Challenge)
        let sha256Answer = try register(&client, answering: server.challenge(now: 0).map(\.value))
        #expect(
            server.verify(credentialValues: md5Answer.map(\.value), method: "REGISTER", requestURI: Self.uri, now: 1) { _, _ in stored }
                == .authenticated(username: "alice")
        )
        #expect(
            server.verify(credentialValues: sha256Answer.map(\.value), method: "REGISTER", requestURI: Self.uri, now: 1) { _, _ in stored }
                == .rejected(.secretUnavailableForAlgorithm)
        )
    }

    @Test func expiredNoncesAreForgotten() throws {
        var server = makeServer()
        for second in 0..<5 {
            var client = makeClient()
            let answer = try client.respond(
                to: server.challenge(now: Double(second)).map(\.value),
                kind: .userToUser,
                method: "REGISTER",
                uri: Self.uri
            )
            #expect(verify(&server, answer, now: Double(second)) == .authenticated(username: "alice"))
        }
        #expect(server.rememberedNonceCount == 5)
        #expect(verify(&server, [], now: 200) == .challenge(stale: false))
        #expect(server.rememberedNonceCount == 0)
    }
}
