/// A quality of protection (`qop`) value for digest authentication (RFC 2617 §3.2.1, RFC 7616 §3.3).
public enum DigestQualityOfProtection: String, Sendable, Hashable, CaseIterable {
    /// `auth`: authenticates the method and request URI.
    case auth = "auth"
    /// `auth-int`: also authenticates the message body (RFC 7616 §3.4.3).
    case authInt = "auth-int"

    /// Reads a `qop` token; tokens compare case-insensitively.
    ///
    /// - Parameter token: The token, for example `auth`.
    /// - Returns: The value, or `nil` for a token Parley does not implement.
    public init?(token: String) {
        let lowered = token.lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue == lowered }) else { return nil }
        self = match
    }

    /// The spelling used on the wire.
    public var token: String { rawValue }
}
