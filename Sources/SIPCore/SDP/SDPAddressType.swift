/// The `<addrtype>` of an `o=` or `c=` line (RFC 4566 §5.2, §5.7): `IP4` or `IP6`.
///
/// Kept as an open set of raw values so that a description using an address type registered
/// later still parses and serializes unchanged.
public struct SDPAddressType: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    /// The token as written on the wire, e.g. `IP4`.
    public var rawValue: String

    /// Wraps a token as written on the wire.
    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    /// IPv4 (RFC 4566 §5.7).
    public static let ip4 = SDPAddressType(rawValue: "IP4")
    /// IPv6 (RFC 4566 §5.7).
    public static let ip6 = SDPAddressType(rawValue: "IP6")

    /// The address type a literal host address needs: `IP6` when it contains a colon, else `IP4`.
    public init(forHost host: String) {
        self = host.containsByte(UInt8(ascii: ":")) ? .ip6 : .ip4
    }

    /// The raw token.
    public var description: String { rawValue }
}
