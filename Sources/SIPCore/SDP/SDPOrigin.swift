/// The `o=` line: who created the session and which version of the description this is
/// (RFC 4566 §5.2).
public struct SDPOrigin: Sendable, Hashable {
    /// The user's login on the originating host, or `-` when it has none.
    public var username: String
    /// A numeric id that, with the other fields, makes the session globally unique.
    public var sessionID: UInt64
    /// Incremented each time the description changes (RFC 3264 §8).
    public var sessionVersion: UInt64
    /// The network type; `IN` (Internet) in practice.
    public var networkType: String
    /// The type of ``address``.
    public var addressType: SDPAddressType
    /// The creating host's address or fully qualified name.
    public var address: String

    /// Creates an origin; `networkType` defaults to `IN`.
    public init(
        username: String = "-",
        sessionID: UInt64,
        sessionVersion: UInt64,
        networkType: String = "IN",
        addressType: SDPAddressType,
        address: String
    ) {
        self.username = username
        self.sessionID = sessionID
        self.sessionVersion = sessionVersion
        self.networkType = networkType
        self.addressType = addressType
        self.address = address
    }
}
