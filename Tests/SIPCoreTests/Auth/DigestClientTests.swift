import Testing

@testable import SIPCore

@Suite struct DigestClientTests {
    private func makeClient(realm: String = "") -> DigestClient {
        DigestClient(username: "alice", password: "wonderland", realm: realm, random: SplitMix64(seed: 3))
    }

    private static let homeChallenge = "Digest realm=\"home.example\", nonce=\"h1\", qop=\"auth\", algorithm=MD5"
    private static let carrierChallenge = "Digest realm=\"carrier.example\", nonce=\"c1\", qop=\"auth\", algorithm=SHA-256"

    @Test func realmFilterAnswersOnlyItsRealm() throws {
        var client = makeClient(realm: "home.example")
        let answer = try client.respond(
            to: [Self.carrierChallenge, Self.homeChallenge],
            kind: .proxyToUser,
            method: "INVITE",
            uri: "sip:bob@home.example"
        )
        let credentials = try answer.map { try DigestCredentials.parse(headerValue: $0.value) }
        #expect(credentials.map(\.realm) == ["home.example"])
    }

    @Test func realmFilterWithoutMatchThrows() {
        var client = makeClient(realm: "home.example")
        let error = #expect(throws: DigestAuthenticationError.self) {
            try client.respond(to: [Self.carrierChallenge], kind: .userToUser, method: "REGISTER", uri: "sip:carrier.example")
        }
        #expect(error?.code == .noUsableChallenge)
    }

    @Test func emptyRealmFilterAnswersEveryRealm() throws {
        var client = makeClient()
        let answer = try client.respond(
            to: [Self.carrierChallenge, Self.homeChallenge],
            kind: .proxyToUser,
            method: "INVITE",
            uri: "sip:bob@home.example"
        )
        let credentials = try answer.map { try DigestCredentials.parse(headerValue: $0.value) }
        #expect(credentials.map(\.realm) == ["carrier.example", "home.example"])
        #expect(answer.allSatisfy { $0.name == "Proxy-Authorization" })
    }

    @Test func strongestAlgorithmWinsRegardlessOfOrder() throws {
        var client = makeClient()
        let answer = try client.respond(
            to: [
                "Digest realm=\"r\", nonce=\"n\", qop=\"auth\", algorithm=MD5",
                "Digest realm=\"r\", nonce=\"n\", qop=\"auth\", algorithm=SHA-512-256",
                "Digest realm=\"r\", nonce=\"n\", qop=\"auth\", algorithm=SHA-256",
            ],
            kind: .userToUser,
            method: "REGISTER",
            uri: "sip:r"
        )
        #expect(answer.count == 1)
        #expect(try DigestCredentials.parse(headerValue: answer[0].value).algorithm == .sha256)
    }

    @Test func unusableChallengesThrow() {
        var client = makeClient()
        let error = #expect(throws: DigestAuthenticationError.self) {
            try client.respond(
                to: [
                    "NoOneKnowsThisScheme opaque-data=here",
                    "Digest realm=\"r\", nonce=\"n\", algorithm=MD5-sess",
                ],
                kind: .userToUser,
                method: "REGISTER",
                uri: "sip:r"
            )
        }
        #expect(error?.code == .noUsableChallenge)
    }

    @Test func laterRequestsReuseTheNonceWithIncreasingCountAndFreshCnonce() throws {
        var client = makeClient()
        #expect(client.authorize(method: "REGISTER", uri: "sip:home.example").isEmpty)
        let first = try client.respond(to: [Self.homeChallenge], kind: .userToUser, method: "REGISTER", uri: "sip:home.example")
        let second = client.authorize(method: "REGISTER", uri: "sip:home.example")
        let third = client.authorize(method: "REGISTER", uri: "sip:home.example")
        let parsed = try [first, second, third].map { try DigestCredentials.parse(headerValue: $0[0].value) }
        #expect(parsed.map(\.nonceCount) == [1, 2, 3])
        #expect(parsed.allSatisfy { $0.nonce == "h1" })
        #expect(Set(parsed.compactMap(\.cnonce)).count == 3)
        #expect(Set(parsed.map(\.response)).count == 3)
    }

    @Test func opaqueIsEchoed() throws {
        var client = makeClient()
        let answer = try client.respond(
            to: ["Digest realm=\"r\", nonce=\"n\", opaque=\"state \\\"x\\\"\", qop=\"auth\""],
            kind: .userToUser,
            method: "REGISTER",
            uri: "sip:r"
        )
        #expect(try DigestCredentials.parse(headerValue: answer[0].value).opaque == "state \"x\"")
    }
}
