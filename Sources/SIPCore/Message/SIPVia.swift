/// One Via header value (RFC 3261 §20.42): `SIP/2.0/UDP host:port;branch=…;rport`.
public struct SIPVia: Sendable, Hashable, CustomStringConvertible {
    /// The magic cookie every RFC 3261 branch starts with (§8.1.1.7).
    public static let magicCookie = "z9hG4bK"

    /// The transport token in upper case (`UDP`, `TCP`, `TLS`, `SCTP`, or an extension).
    public var transport: String
    /// The sent-by host (IPv6 without brackets).
    public var host: String
    /// The sent-by port, if given.
    public var port: Int?
    /// Via parameters in order.
    public var parameters: [SIPParameter]

    /// Creates a Via value.
    public init(transport: String, host: String, port: Int? = nil, parameters: [SIPParameter] = []) {
        self.transport = transport
        self.host = host
        self.port = port
        self.parameters = parameters
    }

    /// Parses the first value of a Via header with libosip2.
    public init(parsing text: String) throws(SIPParseError) {
        self = try OSIPParser.parseVia(text)
    }

    /// The `branch` parameter, the transaction identifier of RFC 3261 §17.2.3.
    public var branch: String? {
        get { parameters.value(named: "branch") ?? nil }
        set { parameters.set("branch", to: newValue) }
    }

    /// Whether the branch carries the RFC 3261 magic cookie (and something after it, RFC 4475 §3.2.1).
    public var hasRFC3261Branch: Bool {
        guard let branch else { return false }
        return branch.hasPrefix(Self.magicCookie) && branch.utf8.count > Self.magicCookie.utf8.count
    }

    /// The `received` parameter (RFC 3261 §18.2.1).
    public var received: String? {
        get { parameters.value(named: "received") ?? nil }
        set { parameters.set("received", to: newValue) }
    }

    /// The `rport` parameter (RFC 3581): `.some(nil)` when requested without a value, `.some(port)` once filled in.
    public var rport: Int?? {
        get { parameters.value(named: "rport").map { $0.flatMap { Int($0) } } }
        set {
            switch newValue {
            case .none: parameters.remove(named: "rport")
            case .some(let port): parameters.set("rport", to: port.map(String.init))
            }
        }
    }

    /// `host[:port]` with brackets around IPv6.
    public var sentBy: String {
        let bracketed = host.containsByte(UInt8(ascii: ":")) ? "[\(host)]" : host
        return port.map { "\(bracketed):\($0)" } ?? bracketed
    }

    /// The value rendered as it goes on the wire.
    public var description: String {
        "SIP/2.0/\(transport) \(sentBy)" + parameters.rendered()
    }
}
