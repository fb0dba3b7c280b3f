import Crypto

/// The server side of SIP digest authentication, sans-I/O: issues challenges and verifies
/// credentials for one realm (RFC 3261 §22, RFC 7616 §3, RFC 8760).
///
/// Nonces are self-validating (`DigestNonce`): an HMAC under a per-instance key over the issue
/// time and a random salt. They expire after ``nonceLifetime``; a correct answer to an expired
/// nonce earns a `stale=true` re-challenge (RFC 7616 §3.3). Replays are refused: with `qop` the
/// nonce count must increase (RFC 7616 §5.5), without `qop` a nonce is good for one request.
/// Memory stays bounded: only nonces that authenticated a request are remembered, and only
/// until they expire.
///
/// Time is injected: every call takes `now`, seconds on any clock the caller keeps using for
/// this authenticator (for example seconds since 1970). A copy of the value shares the key but
/// not the replay records, so keep one instance per realm and role.
public struct DigestAuthenticator: Sendable {
    /// The realm this authenticator challenges with and accepts credentials for.
    public let realm: String
    /// Whether this is a UAS/registrar (401) or a proxy (407).
    public let kind: DigestAuthenticationKind
    /// The algorithms offered, one challenge each, preferred first (RFC 8760 §2.4: SHA-256 first).
    public let algorithms: [DigestAlgorithm]
    /// The qualities of protection offered; empty sends RFC 2069 style challenges without `qop`.
    public let qopOptions: [DigestQualityOfProtection]
    /// How long a nonce stays valid after it was issued, in seconds.
    public let nonceLifetime: Double

    /// The HMAC key, kept as bytes because `SymmetricKey` is not `Sendable`.
    private let secret: [UInt8]
    private var random: any RandomNumberGenerator & Sendable
    private var nonceUsage: [String: DigestNonceUsage] = [:]
    private var nextPruneTime: Double = -.infinity

    /// Creates an authenticator.
    ///
    /// - Parameters:
    ///   - realm: The realm, typically the SIP domain (RFC 3261 §22.1).
    ///   - kind: `.userToUser` for a UAS or registrar, `.proxyToUser` for a proxy.
    ///   - algorithms: Algorithms to offer, preferred first; must not be empty.
    ///   - qopOptions: Qualities of protection to offer.
    ///   - nonceLifetime: Seconds a nonce stays valid.
    ///   - secret: The HMAC key; pass the same bytes to several instances (or nodes) that must accept
    ///     each other's nonces. When `nil`, 32 bytes are drawn from `random`.
    ///   - random: Source of salts (and of the key when `secret` is `nil`); a cryptographically
    ///     secure generator in production, a seeded one in tests.
    public init(
        realm: String,
        kind: DigestAuthenticationKind = .userToUser,
        algorithms: [DigestAlgorithm] = [.sha256, .md5],
        qopOptions: [DigestQualityOfProtection] = [.auth],
        nonceLifetime: Double = 300,
        secret: [UInt8]? = nil,
        random: any RandomNumberGenerator & Sendable = SystemRandomNumberGenerator()
    ) {
        precondition(!algorithms.isEmpty, "a digest authenticator must offer at least one algorithm")
        self.realm = realm
        self.kind = kind
        self.algorithms = algorithms
        self.qopOptions = qopOptions
        self.nonceLifetime = nonceLifetime
        var random = random
        self.secret = secret ?? (0..<4).flatMap { _ in
            withUnsafeBytes(of: random.next() as UInt64, Array.init)
        }
        self.random = random
    }

    /// Issues a fresh challenge: one header per offered algorithm, all with the same new nonce,
    /// preferred algorithm first (RFC 8760 §2.4, RFC 7616 §3.7).
    ///
    /// - Parameters:
    ///   - now: The current time on the authenticator's clock.
    ///   - stale: Set when ``verify(credentialValues:method:requestURI:body:now:secretLookup:)``
    ///     returned `.challenge(stale: true)`.
    /// - Returns: Header fields for the 401 or 407 response (see ``kind``).
    public mutating func challenge(now: Double, stale: Bool = false) -> [DigestHeaderField] {
        let nonce = DigestNonce.make(
            issuedAt: now,
            salt: random.next(),
            realm: realm,
            key: SymmetricKey(data: secret)
        )
        return algorithms.map { algorithm in
            let challenge = DigestChallenge(
                realm: realm,
                nonce: nonce,
                stale: stale,
                algorithm: algorithm,
                qopOptions: qopOptions
            )
            return DigestHeaderField(name: kind.challengeHeaderName, value: challenge.headerValue)
        }
    }

    /// Checks the credentials of a request.
    ///
    /// Among several credentials headers the one for this realm is used (RFC 3261 §22.3: a request
    /// may carry credentials for several proxies); other schemes, such as RFC 4475 §3.3.7's
    /// `NoOneKnowsThisScheme`, are ignored, leading to a challenge.
    ///
    /// - Parameters:
    ///   - credentialValues: Values of every `Authorization` (or `Proxy-Authorization` for a proxy)
    ///     header of the request; empty when there are none.
    ///   - method: The request method, for `A2`.
    ///   - requestURI: The Request-URI; the credentials' `uri` must equal it (RFC 2617 §3.2.2.5).
    ///     Compared as text, so pass it as received.
    ///   - body: The message body, for `qop=auth-int`.
    ///   - now: The current time on the authenticator's clock.
    ///   - secretLookup: Finds the secret of a user name in a realm; `nil` for an unknown user.
    /// - Returns: The verdict.
    public mutating func verify(
        credentialValues: [String],
        method: String,
        requestURI: String,
        body: [UInt8] = [],
        now: Double,
        secretLookup: (_ username: String, _ realm: String) -> DigestSecret?
    ) -> DigestAuthenticationOutcome {
        forgetExpiredNonces(now: now)
        var sawMalformedDigest = false
        var credentials: DigestCredentials?
        for value in credentialValues {
            do {
                let candidate = try DigestCredentials.parse(headerValue: value)
                if candidate.realm == realm {
                    credentials = candidate
                    break
                }
            } catch {
                switch error.code {
                case .unsupportedScheme: continue
                case .unsupportedAlgorithm, .unsupportedQualityOfProtection, .malformed, .missingParameter,
                    .noUsableChallenge:
                    sawMalformedDigest = true
                }
            }
        }
        guard let credentials else {
            return sawMalformedDigest ? .rejected(.malformedCredentials) : .challenge(stale: false)
        }
        return verify(
            credentials,
            method: method,
            requestURI: requestURI,
            body: body,
            now: now,
            secretLookup: secretLookup
        )
    }

    private mutating func verify(
        _ credentials: DigestCredentials,
        method: String,
        requestURI: String,
        body: [UInt8],
        now: Double,
        secretLookup: (_ username: String, _ realm: String) -> DigestSecret?
    ) -> DigestAuthenticationOutcome {
        guard algorithms.contains(credentials.algorithm) else { return .rejected(.unsupportedAlgorithm) }
        if let qop = credentials.qop, !qopOptions.contains(qop) {
            return .rejected(.unsupportedQualityOfProtection)
        }
        guard credentials.uri == requestURI else { return .rejected(.uriMismatch) }
        // A nonce from the future cannot be ours either: this instance only stamps `now`.
        guard let nonce = DigestNonce(validating: credentials.nonce, realm: realm, key: SymmetricKey(data: secret)),
            nonce.issuedAt <= now
        else { return .rejected(.forgedNonce) }
        guard let secret = secretLookup(credentials.username, realm) else { return .rejected(.unknownUser) }
        let ha1 = secret.ha1(username: credentials.username, realm: realm, algorithm: credentials.algorithm)
        guard let ha1 else {
            return .rejected(.secretUnavailableForAlgorithm)
        }
        guard let expected = Self.expectedResponse(for: credentials, ha1: ha1, method: method, body: body) else {
            return .rejected(.malformedCredentials)
        }
        guard DigestResponseComputation.digestsMatch(expected, credentials.response) else {
            return .rejected(.wrongResponse)
        }
        // The password is right; only now may the nonce's age earn a stale re-challenge
        // (RFC 7616 §3.3: stale only when the digest is valid).
        let expiresAt = nonce.issuedAt + nonceLifetime
        guard now < expiresAt else { return .challenge(stale: true) }
        return recordUse(of: credentials, expiresAt: expiresAt)
    }

    /// The response the credentials should carry, or `nil` when they lack the client nonce or
    /// nonce count that their algorithm or qop needs (RFC 7616 §3.4).
    private static func expectedResponse(
        for credentials: DigestCredentials,
        ha1: String,
        method: String,
        body: [UInt8]
    ) -> String? {
        var effectiveHA1 = ha1
        if credentials.algorithm.isSession {
            guard let cnonce = credentials.cnonce else { return nil }
            effectiveHA1 = DigestResponseComputation.sessionHA1(
                algorithm: credentials.algorithm,
                ha1: ha1,
                nonce: credentials.nonce,
                cnonce: cnonce
            )
        }
        var protection: (qop: DigestQualityOfProtection, cnonce: String, nonceCount: UInt32)?
        if let qop = credentials.qop {
            guard let cnonce = credentials.cnonce, let nonceCount = credentials.nonceCount else { return nil }
            protection = (qop, cnonce, nonceCount)
        }
        return DigestResponseComputation.response(
            algorithm: credentials.algorithm,
            ha1: effectiveHA1,
            nonce: credentials.nonce,
            method: method,
            uri: credentials.uri,
            body: body,
            protection: protection
        )
    }

    /// Applies the replay rules and remembers this use of the nonce.
    private mutating func recordUse(
        of credentials: DigestCredentials,
        expiresAt: Double
    ) -> DigestAuthenticationOutcome {
        let previous = nonceUsage[credentials.nonce]?.state
        guard let nonceCount = credentials.nonceCount else {
            // Without qop the nonce is single-use. A second use is answered with a stale challenge
            // rather than a rejection: the request is not performed, and an RFC 2069 client that
            // reuses its nonce gets a new one without bothering its user.
            guard previous == nil else { return .challenge(stale: true) }
            nonceUsage[credentials.nonce] = DigestNonceUsage(expiresAt: expiresAt, state: .consumedWithoutQop)
            return .authenticated(username: credentials.username)
        }
        switch previous {
        case .consumedWithoutQop:
            return .rejected(.replayedNonceCount)
        case .counted(let highest) where nonceCount <= highest:
            return .rejected(.replayedNonceCount)
        case .counted, nil:
            nonceUsage[credentials.nonce] = DigestNonceUsage(expiresAt: expiresAt, state: .counted(highest: nonceCount))
            return .authenticated(username: credentials.username)
        }
    }

    /// Drops records of expired nonces, at most once per lifetime so a busy server does not scan
    /// the table on every request; a record thus lives at most two lifetimes.
    private mutating func forgetExpiredNonces(now: Double) {
        guard now >= nextPruneTime else { return }
        nonceUsage = nonceUsage.filter { $0.value.expiresAt > now }
        nextPruneTime = now + nonceLifetime
    }

    /// How many nonces are remembered for replay protection; exposed for tests of bounded memory.
    var rememberedNonceCount: Int { nonceUsage.count }
}
