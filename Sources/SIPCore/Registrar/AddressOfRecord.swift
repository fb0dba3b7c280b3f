/// The key under which a registrar stores bindings: a SIP or SIPS address-of-record reduced to
/// `scheme:user@host` (RFC 3261 §10.3 step 5).
///
/// §10.3 step 5 says the To URI is "converted to canonical form" by the URI comparison rules of
/// §19.1.4: the host compares case-insensitively, so it is lower-cased; the user part compares
/// case-sensitively and is kept exactly as written, escapes included, so `sip:%00@h` and
/// `sip:%00%00@h` stay two records (RFC 4475 §3.1.1.4). URI parameters, headers, the port and the
/// display name play no part. A SIP and a SIPS URI are never equivalent (§19.1.4), so the scheme stays
/// in the key.
public struct AddressOfRecord: Sendable, Hashable, CustomStringConvertible {
    /// `sip` or `sips`.
    public let scheme: String
    /// The user part as written, or `nil` for a domain-only record such as `sip:example.com`.
    public let user: String?
    /// The host in lower case.
    public let host: String

    /// Reduces a To URI to its address-of-record, or returns `nil` when the URI is not SIP or SIPS —
    /// an address-of-record "MUST be a SIP URI or SIPS URI" (RFC 3261 §10.2).
    public init?(_ uri: SIPURI) {
        guard uri.isSIP, uri.opaquePart == nil else { return nil }
        scheme = uri.scheme
        user = uri.user
        host = uri.host.lowercased()
    }

    /// `scheme:user@host`, the form stores and logs use.
    public var description: String {
        user.map { "\(scheme):\($0)@\(host)" } ?? "\(scheme):\(host)"
    }
}
