/// Where RTP goes: a literal host address (IPv4 dotted quad or IPv6 without brackets) and a
/// port, as written in SDP `c=` and `m=` lines (RFC 4566 §5.7, §5.14).
public struct MediaAddress: Sendable, Hashable, CustomStringConvertible {
    /// The host address, e.g. `192.0.2.10` or `2001:db8::10`.
    public var host: String
    /// The RTP port; RTCP uses the next one unless `rtcp-mux` is negotiated (RFC 3550 §11).
    public var port: UInt16

    /// Creates an address.
    public init(host: String, port: UInt16) {
        self.host = host
        self.port = port
    }

    /// The address type an SDP line needs for ``host``.
    public var addressType: SDPAddressType {
        SDPAddressType(forHost: host)
    }

    /// `host:port`, with brackets around an IPv6 host.
    public var description: String {
        addressType == .ip6 ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
