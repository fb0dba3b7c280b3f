/// A `Digest` challenge: the value of a `WWW-Authenticate` or `Proxy-Authenticate` header.
///
/// Grammar and meaning: RFC 3261 §25.1 (`digest-cln`), RFC 2617 §3.2.1, RFC 7616 §3.3; SHA-256
/// in SIP: RFC 8760 §2.
public struct DigestChallenge: Sendable, Hashable {
    /// The protection space, shown to users and mixed into `A1` (RFC 7616 §3.3).
    public var realm: String
    /// The server nonce (RFC 7616 §3.3).
    public var nonce: String
    /// Opaque server data the client echoes unchanged (RFC 7616 §3.3).
    public var opaque: String?
    /// Whether the previous request failed only because its nonce had expired, so the client may
    /// retry with the new nonce without asking the user again (RFC 7616 §3.3).
    public var stale: Bool
    /// The algorithm to use; `MD5` when the challenge names none (RFC 2617 §3.2.1).
    public var algorithm: DigestAlgorithm
    /// The offered qualities of protection; empty for an RFC 2069 challenge without `qop`.
    public var qopOptions: [DigestQualityOfProtection]
    /// URIs of the protection space (RFC 7616 §3.3 `domain`); empty when absent.
    public var domain: [String]

    /// Creates a challenge.
    ///
    /// - Parameters:
    ///   - realm: The protection space.
    ///   - nonce: The server nonce.
    ///   - opaque: Data to echo, if any.
    ///   - stale: Whether the previous nonce merely expired.
    ///   - algorithm: The algorithm to use.
    ///   - qopOptions: The offered qualities of protection; empty omits `qop`.
    ///   - domain: URIs of the protection space.
    public init(
        realm: String,
        nonce: String,
        opaque: String? = nil,
        stale: Bool = false,
        algorithm: DigestAlgorithm = .md5,
        qopOptions: [DigestQualityOfProtection] = [.auth],
        domain: [String] = []
    ) {
        self.realm = realm
        self.nonce = nonce
        self.opaque = opaque
        self.stale = stale
        self.algorithm = algorithm
        self.qopOptions = qopOptions
        self.domain = domain
    }

    /// Reads a challenge header value.
    ///
    /// Unknown parameters are ignored (RFC 7616 §3.3: "any unrecognized directive MUST be
    /// ignored"), as are unknown `qop` tokens as long as one known token remains.
    ///
    /// - Parameter headerValue: The value, for example `Digest realm="a", nonce="b", qop="auth"`.
    /// - Throws: ``DigestAuthenticationError`` with `unsupportedScheme` for a non-Digest scheme,
    ///   `malformed`, `missingParameter` (realm or nonce), `unsupportedAlgorithm`, or
    ///   `unsupportedQualityOfProtection` when `qop` is present but offers nothing Parley implements.
    public static func parse(headerValue: String) throws(DigestAuthenticationError) -> DigestChallenge {
        let parameters = try DigestParameterList(parsing: headerValue)
        guard let realm = parameters["realm"] else {
            throw DigestAuthenticationError(code: .missingParameter, detail: "challenge has no realm")
        }
        guard let nonce = parameters["nonce"] else {
            throw DigestAuthenticationError(code: .missingParameter, detail: "challenge has no nonce")
        }
        var algorithm = DigestAlgorithm.md5
        if let token = parameters["algorithm"] {
            guard let known = DigestAlgorithm(token: token) else {
                throw DigestAuthenticationError(code: .unsupportedAlgorithm, detail: "algorithm \(token)")
            }
            algorithm = known
        }
        var qopOptions: [DigestQualityOfProtection] = []
        if let list = parameters["qop"] {
            // qop-options is a comma-separated list inside the quoted-string; tokens hold no
            // whitespace, so dropping it trims the LWS around each item.
            qopOptions = list.split(separator: ",").compactMap {
                DigestQualityOfProtection(token: String($0.filter { $0 != " " && $0 != "\t" }))
            }
            guard !qopOptions.isEmpty else {
                throw DigestAuthenticationError(code: .unsupportedQualityOfProtection, detail: "qop \(list)")
            }
        }
        return DigestChallenge(
            realm: realm,
            nonce: nonce,
            opaque: parameters["opaque"],
            stale: parameters["stale"]?.lowercased() == "true",
            algorithm: algorithm,
            qopOptions: qopOptions,
            domain: parameters["domain"]?.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) ?? []
        )
    }

    /// The header value, ready for `WWW-Authenticate` or `Proxy-Authenticate`.
    ///
    /// `algorithm` is always written so that RFC 8760 §2.4 clients can tell the offers apart.
    public var headerValue: String {
        var parameters: [(name: String, value: String, quoted: Bool)] = [("realm", realm, true)]
        if !domain.isEmpty {
            parameters.append(("domain", domain.joined(separator: " "), true))
        }
        parameters.append(("nonce", nonce, true))
        if let opaque {
            parameters.append(("opaque", opaque, true))
        }
        if stale {
            parameters.append(("stale", "true", false))
        }
        parameters.append(("algorithm", algorithm.token, false))
        if !qopOptions.isEmpty {
            parameters.append(("qop", qopOptions.map(\.token).joined(separator: ","), true))
        }
        return DigestParameterList.render(parameters)
    }
}
