/// Which of SIP's two authentication exchanges a challenge or credentials belong to.
///
/// RFC 3261 §22.2 (user-to-user: a UAS or registrar answers 401 with `WWW-Authenticate`, the UAC
/// retries with `Authorization`) and §22.3 (proxy-to-user: a proxy answers 407 with
/// `Proxy-Authenticate`, the UAC retries with `Proxy-Authorization`).
public enum DigestAuthenticationKind: Sendable, Hashable {
    /// A user agent server or registrar authenticates the caller (RFC 3261 §22.2).
    case userToUser
    /// A proxy authenticates the caller (RFC 3261 §22.3).
    case proxyToUser

    /// The status code of the response that carries the challenge: 401 or 407.
    public var statusCode: Int {
        switch self {
        case .userToUser: 401
        case .proxyToUser: 407
        }
    }

    /// The header field that carries a challenge: `WWW-Authenticate` or `Proxy-Authenticate`.
    public var challengeHeaderName: String {
        switch self {
        case .userToUser: "WWW-Authenticate"
        case .proxyToUser: "Proxy-Authenticate"
        }
    }

    /// The header field that carries credentials: `Authorization` or `Proxy-Authorization`.
    public var credentialsHeaderName: String {
        switch self {
        case .userToUser: "Authorization"
        case .proxyToUser: "Proxy-Authorization"
        }
    }
}
