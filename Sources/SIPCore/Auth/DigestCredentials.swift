/// `Digest` credentials: the value of an `Authorization` or `Proxy-Authorization` header.
///
/// Grammar and meaning: RFC 3261 §25.1 (`digest-response`), RFC 2617 §3.2.2, RFC 7616 §3.4.
public struct DigestCredentials: Sendable, Hashable {
    /// The user name in the realm.
    public var username: String
    /// The realm of the challenge being answered.
    public var realm: String
    /// The server nonce of the challenge being answered.
    public var nonce: String
    /// The request URI as the client wrote it; the server checks it against the Request-URI
    /// (RFC 2617 §3.2.2.5).
    public var uri: String
    /// The `request-digest`: lowercase hexadecimal (RFC 7616 §3.4.1).
    public var response: String
    /// The algorithm used; `MD5` when the header names none (RFC 2617 §3.2.2).
    public var algorithm: DigestAlgorithm
    /// The client nonce; present whenever `qop` is (RFC 7616 §3.4).
    public var cnonce: String?
    /// The challenge's `opaque`, echoed unchanged.
    public var opaque: String?
    /// The chosen quality of protection; `nil` for an RFC 2069 style answer.
    public var qop: DigestQualityOfProtection?
    /// How many requests the client has sent with this nonce, this one included (`nc`, RFC 7616 §3.4).
    public var nonceCount: UInt32?

    /// Creates credentials.
    ///
    /// - Parameters:
    ///   - username: The user name.
    ///   - realm: The realm.
    ///   - nonce: The server nonce.
    ///   - uri: The request URI.
    ///   - response: The request digest.
    ///   - algorithm: The algorithm used.
    ///   - cnonce: The client nonce.
    ///   - opaque: The echoed opaque data.
    ///   - qop: The chosen quality of protection.
    ///   - nonceCount: The nonce count.
    public init(
        username: String,
        realm: String,
        nonce: String,
        uri: String,
        response: String,
        algorithm: DigestAlgorithm = .md5,
        cnonce: String? = nil,
        opaque: String? = nil,
        qop: DigestQualityOfProtection? = nil,
        nonceCount: UInt32? = nil
    ) {
        self.username = username
        self.realm = realm
        self.nonce = nonce
        self.uri = uri
        self.response = response
        self.algorithm = algorithm
        self.cnonce = cnonce
        self.opaque = opaque
        self.qop = qop
        self.nonceCount = nonceCount
    }

    /// Reads a credentials header value. Unknown parameters are ignored (RFC 7616 §3.4).
    ///
    /// - Parameter headerValue: The value, for example `Digest username="alice", realm="a", …`.
    /// - Throws: ``DigestAuthenticationError`` with `unsupportedScheme` for a non-Digest scheme,
    ///   `malformed` (including an `nc` that is not eight hex digits, RFC 7616 §3.4),
    ///   `missingParameter` (username, realm, nonce, uri, response; cnonce and nc when qop is
    ///   present), `unsupportedAlgorithm` or `unsupportedQualityOfProtection`.
    public static func parse(headerValue: String) throws(DigestAuthenticationError) -> DigestCredentials {
        let parameters = try DigestParameterList(parsing: headerValue)
        func required(_ name: String) throws(DigestAuthenticationError) -> String {
            guard let value = parameters[name] else {
                throw DigestAuthenticationError(code: .missingParameter, detail: "credentials have no \(name)")
            }
            return value
        }
        var credentials = DigestCredentials(
            username: try required("username"),
            realm: try required("realm"),
            nonce: try required("nonce"),
            uri: try required("uri"),
            response: try required("response").lowercased(),
            cnonce: parameters["cnonce"],
            opaque: parameters["opaque"]
        )
        if let token = parameters["algorithm"] {
            guard let algorithm = DigestAlgorithm(token: token) else {
                throw DigestAuthenticationError(code: .unsupportedAlgorithm, detail: "algorithm \(token)")
            }
            credentials.algorithm = algorithm
        }
        if let token = parameters["qop"] {
            guard let qop = DigestQualityOfProtection(token: token) else {
                throw DigestAuthenticationError(code: .unsupportedQualityOfProtection, detail: "qop \(token)")
            }
            credentials.qop = qop
            // RFC 7616 §3.4: cnonce and nc MUST be sent when qop is.
            _ = try required("cnonce")
            let count = try required("nc")
            guard count.utf8.count == 8, let value = UInt32(count, radix: 16) else {
                throw DigestAuthenticationError(code: .malformed, detail: "nc \(count) is not 8 hex digits")
            }
            credentials.nonceCount = value
        }
        return credentials
    }

    /// The header value, ready for `Authorization` or `Proxy-Authorization`.
    ///
    /// Quoting follows RFC 3261 §25.1: `algorithm`, `qop` and `nc` are bare tokens, everything
    /// else is a quoted-string; `nc` is written as eight lowercase hex digits (RFC 7616 §3.4).
    public var headerValue: String {
        var parameters: [(name: String, value: String, quoted: Bool)] = [
            ("username", username, true),
            ("realm", realm, true),
            ("nonce", nonce, true),
            ("uri", uri, true),
            ("response", response, true),
            ("algorithm", algorithm.token, false),
        ]
        if let cnonce {
            parameters.append(("cnonce", cnonce, true))
        }
        if let opaque {
            parameters.append(("opaque", opaque, true))
        }
        if let qop {
            parameters.append(("qop", qop.token, false))
        }
        if let nonceCount {
            parameters.append(("nc", Self.nonceCountText(nonceCount), false))
        }
        return DigestParameterList.render(parameters)
    }

    /// `nc-value`: eight lowercase hex digits (RFC 7616 §3.4).
    static func nonceCountText(_ count: UInt32) -> String {
        let digits = String(count, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
