import Testing

@testable import SIPCore

@Suite struct DigestParsingTests {
    @Test func oddButLegalChallengeText() throws {
        // Mixed-case scheme and names, tabs and a folded line, empty list elements, an unknown
        // parameter, quoted-pair escapes, an unquoted nonce with base64 punctuation, unknown qop token.
        let value = "dIgEsT  \tREALM = \"sip\\\\proxy \\\"one\\\"\" ,, Nonce=ab+/c0==,\r\n x-vendor=\"1,2\" ,"
            + " qop=\"auth-conf , AUTH\", Stale=TRUE, algorithm=sha-256, domain=\"sip:a.example sip:b.example\",opaque=\"\""
        let challenge = try DigestChallenge.parse(headerValue: value)
        #expect(challenge.realm == "sip\\proxy \"one\"")
        #expect(challenge.nonce == "ab+/c0==")
        #expect(challenge.qopOptions == [.auth])
        #expect(challenge.stale)
        #expect(challenge.algorithm == .sha256)
        #expect(challenge.domain == ["sip:a.example", "sip:b.example"])
        #expect(challenge.opaque == "")
    }

    @Test func challengeWithoutQopOrAlgorithmIsRFC2069Style() throws {
        let challenge = try DigestChallenge.parse(headerValue: "Digest realm=\"example.com\", nonce=\"n\"")
        #expect(challenge.qopOptions.isEmpty)
        #expect(challenge.algorithm == .md5)
        #expect(!challenge.stale)
    }

    @Test func challengeRendersAndParsesBack() throws {
        let original = DigestChallenge(
            realm: "a \"quoted\" realm\\",
            nonce: "0123",
            opaque: "op",
            stale: true,
            algorithm: .sha256Session,
            qopOptions: [.auth, .authInt],
            domain: ["sip:example.com"]
        )
        #expect(
            original.headerValue
                == "Digest realm=\"a \\\"quoted\\\" realm\\\\\", domain=\"sip:example.com\", nonce=\"0123\", "
                + "opaque=\"op\", stale=true, algorithm=SHA-256-sess, qop=\"auth,auth-int\""
        )
        #expect(try DigestChallenge.parse(headerValue: original.headerValue) == original)
    }

    @Test func credentialsRenderAndParseBack() throws {
        let original = DigestCredentials(
            username: "alice",
            realm: "example.com",
            nonce: "abc",
            uri: "sip:bob@example.com",
            response: "0123456789abcdef0123456789abcdef",
            algorithm: .md5,
            cnonce: "c1",
            opaque: "o",
            qop: .auth,
            nonceCount: 0x1A
        )
        #expect(original.headerValue.contains("qop=auth, nc=0000001a"))
        #expect(try DigestCredentials.parse(headerValue: original.headerValue) == original)
    }

    @Test func unknownSchemeFromRFC4475RegAut01IsNotDigest() {
        // RFC 4475 §3.3.7 (regaut01): "Authorization: NoOneKnowsThisScheme opaque-data=here".
        #expect(parseError { try DigestCredentials.parse(headerValue: "NoOneKnowsThisScheme opaque-data=here") }?.code == .unsupportedScheme)
        #expect(parseError { try DigestChallenge.parse(headerValue: "Basic realm=\"x\"") }?.code == .unsupportedScheme)
    }

    @Test(arguments: [
        ("Digest realm=\"unterminated, nonce=\"n\"", DigestAuthenticationError.Code.malformed),
        ("Digest realm=\"a\", realm=\"b\", nonce=\"n\"", .malformed),
        ("Digest realm \"a\"", .malformed),
        ("Digest", .malformed),
        ("Digest nonce=\"n\"", .missingParameter),
        ("Digest realm=\"a\", nonce=\"n\", algorithm=SHA-512-256", .unsupportedAlgorithm),
        ("Digest realm=\"a\", nonce=\"n\", qop=\"auth-conf\"", .unsupportedQualityOfProtection),
    ])
    func brokenChallengesThrow(value: String, code: DigestAuthenticationError.Code) {
        #expect(parseError { try DigestChallenge.parse(headerValue: value) }?.code == code)
    }

    @Test func credentialsWithQopNeedEightDigitNonceCountAndCnonce() {
        let base = "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"sip:r\", response=\"00\", qop=auth"
        #expect(parseError { try DigestCredentials.parse(headerValue: base + ", cnonce=\"c\", nc=1") }?.code == .malformed)
        #expect(parseError { try DigestCredentials.parse(headerValue: base + ", nc=00000001") }?.code == .missingParameter)
    }

    @Test func quotingDropsLineBreaksSoAValueCannotSplitTheHeader() {
        let credentials = DigestCredentials(username: "eve\r\nVia: x", realm: "r", nonce: "n", uri: "u", response: "00")
        #expect(!credentials.headerValue.contains("\r"))
        #expect(!credentials.headerValue.contains("\n"))
        #expect(credentials.headerValue.hasPrefix("Digest username=\"eveVia: x\""))
    }

    /// The error a parse throws, recorded as an issue when it does not throw.
    private func parseError(_ parse: () throws -> some Any) -> DigestAuthenticationError? {
        #expect(throws: DigestAuthenticationError.self) { try parse() }
    }
}
