import Testing

@testable import SIPCore

/// The worked examples of the RFCs, computed through the same path the client uses.
@Suite struct DigestTestVectorTests {
    @Test func rfc2617Section3_5Example() throws {
        let challenge = try DigestChallenge.parse(
            headerValue: """
                Digest
                                 realm="testrealm@host.com",
                                 qop="auth,auth-int",
                                 nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093",
                                 opaque="5ccc069c403ebaf9f0171e9517f40e41"
                """
        )
        #expect(challenge.algorithm == .md5)
        #expect(challenge.qopOptions == [.auth, .authInt])
        let credentials = DigestClient.credentials(
            answering: challenge,
            qop: .auth,
            nonceCount: 1,
            cnonce: "0a4f113b",
            username: "Mufasa",
            password: "Circle Of Life",
            method: "GET",
            uri: "/dir/index.html",
            body: []
        )
        #expect(credentials.response == "6629fae49393a05397450978507c4ef1")
        #expect(credentials.opaque == "5ccc069c403ebaf9f0171e9517f40e41")
        #expect(credentials.headerValue.contains("nc=00000001"))
        #expect(credentials.headerValue.contains("cnonce=\"0a4f113b\""))
    }

    @Test(arguments: [
        (DigestAlgorithm.md5, "8ca523f5e9506fed4657c9700eebdbec"),
        (DigestAlgorithm.sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"),
    ])
    func rfc7616Section3_9_1Example(algorithm: DigestAlgorithm, expectedResponse: String) throws {
        let challenge = try DigestChallenge.parse(
            headerValue: """
                Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=\(algorithm.token), \
                nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", \
                opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"
                """
        )
        #expect(challenge.algorithm == algorithm)
        let credentials = DigestClient.credentials(
            answering: challenge,
            qop: .auth,
            nonceCount: 1,
            cnonce: "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
            username: "Mufasa",
            password: "Circle of Life",
            method: "GET",
            uri: "/dir/index.html",
            body: []
        )
        #expect(credentials.response == expectedResponse)
    }

    @Test func rfc7616AuthorizationHeaderParsesAndRecomputes() throws {
        let credentials = try DigestCredentials.parse(
            headerValue: """
                Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", \
                algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, \
                cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, \
                response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", \
                opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"
                """
        )
        #expect(credentials.username == "Mufasa")
        #expect(credentials.algorithm == .sha256)
        #expect(credentials.qop == .auth)
        #expect(credentials.nonceCount == 1)
        let ha1 = DigestResponseComputation.ha1(
            algorithm: .sha256,
            username: "Mufasa",
            realm: "http-auth@example.org",
            password: "Circle of Life"
        )
        let recomputed = DigestResponseComputation.response(
            algorithm: .sha256,
            ha1: ha1,
            nonce: credentials.nonce,
            method: "GET",
            uri: credentials.uri,
            body: [],
            protection: (.auth, try #require(credentials.cnonce), 1)
        )
        #expect(recomputed == credentials.response)
    }
}
