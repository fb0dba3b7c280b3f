import Foundation

/// A user name and password the server demands with HTTP basic authentication (RFC 7617).
///
/// A Parley addition: SEMS's xmlrpc2di has no authentication at all (spec §14 B9). Basic
/// credentials travel in clear text, so use them on loopback or behind a TLS front end.
public struct XMLRPCBasicCredentials: Sendable, Hashable {
    /// The user name; it must not contain `:` (RFC 7617 §2).
    public var user: String
    /// The password.
    public var password: String

    /// Creates credentials.
    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    /// Whether an `Authorization` header value carries these credentials.
    func accepts(authorization: String?) -> Bool {
        guard let authorization else { return false }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
            let decoded = Data(base64Encoded: String(parts[1].trimmingCharacters(in: .whitespaces)))
        else { return false }
        return Array(decoded) == Array("\(user):\(password)".utf8)
    }
}
