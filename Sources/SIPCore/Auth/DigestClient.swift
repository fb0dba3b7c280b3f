/// The client side of SIP digest authentication, sans-I/O: answers 401/407 challenges and keeps
/// answering later requests with the same nonce (RFC 3261 §22.2–§22.3, RFC 7616 §3.4, RFC 8760).
///
/// The client nonce comes from an injected random source, so tests are deterministic. The
/// caller decides when to give up: RFC 3261 §22.2 says a client whose fresh credentials are
/// challenged again (without `stale=true`) should not retry them.
public struct DigestClient: Sendable {
    /// The user name to authenticate as.
    public let username: String
    /// The password.
    public let password: String
    /// Only challenges of this realm are answered; `""` answers any realm, as SEMS does with
    /// its `auth_realm` unset.
    public let realmFilter: String

    private var random: any RandomNumberGenerator & Sendable
    private var sessions: [DigestClientSession] = []

    /// Creates a client.
    ///
    /// - Parameters:
    ///   - username: The user name.
    ///   - password: The password.
    ///   - realm: Answer only this realm; `""` for any.
    ///   - random: Source of client nonces; a cryptographically secure generator in production.
    public init(
        username: String,
        password: String,
        realm: String = "",
        random: any RandomNumberGenerator & Sendable = SystemRandomNumberGenerator()
    ) {
        self.username = username
        self.password = password
        self.realmFilter = realm
        self.random = random
    }

    /// Answers the challenges of a 401 or 407 response.
    ///
    /// Per realm, the strongest usable challenge is answered (RFC 8760 §2.4: SHA-256 over MD5; on a
    /// tie, the server's order, RFC 7616 §3.7). Challenges of other schemes, realms outside
    /// ``realmFilter``, unknown algorithms and `-sess` challenges without `qop` are skipped. The
    /// answered nonces are remembered for ``authorize(method:uri:body:)``.
    ///
    /// - Parameters:
    ///   - challengeValues: Values of every `WWW-Authenticate` or `Proxy-Authenticate` header.
    ///   - kind: `.userToUser` for a 401, `.proxyToUser` for a 407.
    ///   - method: The method of the request being retried.
    ///   - uri: Its Request-URI.
    ///   - body: Its body, used when only `auth-int` is offered.
    /// - Returns: One credentials header per realm answered, named for `kind`.
    /// - Throws: ``DigestAuthenticationError`` with `noUsableChallenge` when nothing can be answered.
    public mutating func respond(
        to challengeValues: [String],
        kind: DigestAuthenticationKind,
        method: String,
        uri: String,
        body: [UInt8] = []
    ) throws(DigestAuthenticationError) -> [DigestHeaderField] {
        var chosen: [DigestChallenge] = []
        for value in challengeValues {
            guard let challenge = try? DigestChallenge.parse(headerValue: value), isUsable(challenge) else { continue }
            if let index = chosen.firstIndex(where: { $0.realm == challenge.realm }) {
                if challenge.algorithm.strength > chosen[index].algorithm.strength {
                    chosen[index] = challenge
                }
            } else {
                chosen.append(challenge)
            }
        }
        guard !chosen.isEmpty else {
            throw DigestAuthenticationError(
                code: .noUsableChallenge,
                detail: "no Digest challenge with a supported algorithm and qop for realm filter '\(realmFilter)'"
            )
        }
        var fields: [DigestHeaderField] = []
        for challenge in chosen {
            sessions.removeAll { $0.kind == kind && $0.challenge.realm == challenge.realm }
            sessions.append(DigestClientSession(kind: kind, challenge: challenge, nonceCount: 0))
            fields.append(nextCredentials(session: sessions.count - 1, method: method, uri: uri, body: body))
        }
        return fields
    }

    /// Credentials for a new request, reusing every remembered nonce with the next nonce count
    /// (RFC 7616 §3.4), so that the request need not be challenged first.
    ///
    /// - Parameters:
    ///   - method: The request method.
    ///   - uri: The Request-URI.
    ///   - body: The body, for `auth-int`.
    /// - Returns: One header per remembered challenge; empty before the first challenge.
    public mutating func authorize(method: String, uri: String, body: [UInt8] = []) -> [DigestHeaderField] {
        sessions.indices.map { nextCredentials(session: $0, method: method, uri: uri, body: body) }
    }

    private func isUsable(_ challenge: DigestChallenge) -> Bool {
        guard realmFilter.isEmpty || challenge.realm == realmFilter else { return false }
        // RFC 7616 §3.4.2: the -sess A1 needs a client nonce, which is only sent with qop.
        return !(challenge.algorithm.isSession && challenge.qopOptions.isEmpty)
    }

    private mutating func nextCredentials(
        session index: Int,
        method: String,
        uri: String,
        body: [UInt8]
    ) -> DigestHeaderField {
        sessions[index].nonceCount += 1
        let session = sessions[index]
        let cnonce = DigestHexEncoding.encode(withUnsafeBytes(of: random.next() as UInt64, Array.init))
        let credentials = Self.credentials(
            answering: session.challenge,
            qop: session.qop,
            nonceCount: session.nonceCount,
            cnonce: cnonce,
            username: username,
            password: password,
            method: method,
            uri: uri,
            body: body
        )
        return DigestHeaderField(name: session.kind.credentialsHeaderName, value: credentials.headerValue)
    }

    /// Computes the credentials answering `challenge` (RFC 7616 §3.4, RFC 2617 §3.2.2); without
    /// `qop` the client nonce and nonce count are left out, as RFC 2617 §3.2.2 requires. Callers
    /// never pass a `-sess` challenge without `qop` (see `isUsable`), whose client nonce the
    /// server could not learn.
    static func credentials(
        answering challenge: DigestChallenge,
        qop: DigestQualityOfProtection?,
        nonceCount: UInt32,
        cnonce: String,
        username: String,
        password: String,
        method: String,
        uri: String,
        body: [UInt8]
    ) -> DigestCredentials {
        var ha1 = DigestResponseComputation.ha1(
            algorithm: challenge.algorithm,
            username: username,
            realm: challenge.realm,
            password: password
        )
        if challenge.algorithm.isSession {
            ha1 = DigestResponseComputation.sessionHA1(
                algorithm: challenge.algorithm,
                ha1: ha1,
                nonce: challenge.nonce,
                cnonce: cnonce
            )
        }
        let protection = qop.map { (qop: $0, cnonce: cnonce, nonceCount: nonceCount) }
        let response = DigestResponseComputation.response(
            algorithm: challenge.algorithm,
            ha1: ha1,
            nonce: challenge.nonce,
            method: method,
            uri: uri,
            body: body,
            protection: protection
        )
        return DigestCredentials(
            username: username,
            realm: challenge.realm,
            nonce: challenge.nonce,
            uri: uri,
            response: response,
            algorithm: challenge.algorithm,
            cnonce: protection?.cnonce,
            opaque: challenge.opaque,
            qop: qop,
            nonceCount: protection?.nonceCount
        )
    }
}
