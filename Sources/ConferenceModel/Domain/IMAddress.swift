/// A user or room of IM conferencing: the user part and the domain of a SIP URI, compared
/// case-insensitively and shown as first stored (Kamailio imc `strncasecmp` + `core_case_hash`).
///
/// Port, parameters and display name are never part of it: `sip:bob@imc.test:5098;transport=udp`
/// and `sip:Bob@IMC.test` are the same member, stored as `sip:bob@imc.test` if that came first.
public struct IMAddress: Sendable, Hashable, CustomStringConvertible {
    /// The user part as first stored (a room's name, a member's user name).
    public let user: String
    /// The domain as first stored.
    public let domain: String

    /// Creates an address.
    public init(user: String, domain: String) {
        self.user = user
        self.domain = domain
    }

    /// `sip:user@domain`, the URI Kamailio stores and sends to.
    public var uri: String { "sip:\(user)@\(domain)" }

    /// `sip:user@domain`.
    public var description: String { uri }

    /// Equal when user and domain match ignoring ASCII case.
    public static func == (lhs: IMAddress, rhs: IMAddress) -> Bool {
        lhs.user.lowercased() == rhs.user.lowercased() && lhs.domain.lowercased() == rhs.domain.lowercased()
    }

    /// Hashes the lower-cased user and domain, consistent with ``==``.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(user.lowercased())
        hasher.combine(domain.lowercased())
    }
}
