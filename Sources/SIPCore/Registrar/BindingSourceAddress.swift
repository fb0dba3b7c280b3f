/// Where a REGISTER arrived from: the transport, source IP address and source port of the packet or
/// connection, as the transport layer saw them.
///
/// A client behind a NAT advertises a Contact it cannot be reached at; requests for it have to go back
/// to the address its REGISTER came from, over the same transport. RFC 5626 §5 and §7 (and the
/// `received`/`rport` practice of RFC 3581) keep that "flow" beside the binding; the location service
/// stores it so a proxy can route to it.
public struct BindingSourceAddress: Sendable, Hashable, CustomStringConvertible {
    /// The source IP address (IPv6 without brackets) or host name.
    public var host: String
    /// The source port.
    public var port: Int
    /// The transport in upper case, as in a Via (`UDP`, `TCP`, `TLS`, `WS`, `WSS`).
    public var transport: String

    /// Creates a source address; the transport is upper-cased so values compare equal whatever case
    /// the caller used.
    public init(host: String, port: Int, transport: String) {
        self.host = host
        self.port = port
        self.transport = transport.uppercased()
    }

    /// `TRANSPORT host:port`, with brackets around an IPv6 address.
    public var description: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        return "\(transport) \(bracketed):\(port)"
    }
}
