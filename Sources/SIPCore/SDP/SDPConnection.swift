/// A `c=` line: where media is to be sent (RFC 4566 §5.7).
public struct SDPConnection: Sendable, Hashable {
    /// The network type; `IN` in practice.
    public var networkType: String
    /// The type of ``address``.
    public var addressType: SDPAddressType
    /// The connection address. A multicast `/<ttl>/<count>` suffix is kept in the string as
    /// written, since Parley only uses unicast media.
    public var address: String

    /// Creates a connection; `networkType` defaults to `IN`.
    public init(networkType: String = "IN", addressType: SDPAddressType, address: String) {
        self.networkType = networkType
        self.addressType = addressType
        self.address = address
    }

    /// Whether this is the RFC 2543 "hold" address: `0.0.0.0`, which RFC 3264 §8.4 says means
    /// "send neither RTP nor RTCP to this peer". The IPv6 unspecified address `::` is read the
    /// same way, as it can equally not receive anything.
    public var isHoldAddress: Bool {
        address == "0.0.0.0" || address == "::"
    }

    /// The line value after `c=`.
    var lineValue: String {
        "\(networkType) \(addressType.rawValue) \(address)"
    }
}
