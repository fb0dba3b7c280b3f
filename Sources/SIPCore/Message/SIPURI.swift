/// A SIP or SIPS URI (RFC 3261 §19.1), or an opaque URI of another scheme (`tel:`, `soap.beep:` …).
///
/// The user part is kept exactly as received, escapes and all, so that `sip:%00@host` and
/// `sip:%00%00@host` stay distinct (RFC 4475 §3.1.1.4). Parameter and URI-header values are held
/// unescaped, as RFC 3261 §19.1.4 compares them.
public struct SIPURI: Sendable, Hashable, CustomStringConvertible {
    /// The scheme in lower case: `sip`, `sips`, or another scheme.
    public var scheme: String
    /// The user part as it appears on the wire (percent-escapes kept), or `nil` when absent.
    public var user: String?
    /// The password of `user:password@host`, if any (deprecated by RFC 3261 §19.1.1, still parsed).
    public var password: String?
    /// The host: a name, an IPv4 address, or an IPv6 address without brackets.
    public var host: String
    /// The port, if one was given.
    public var port: Int?
    /// URI parameters (`;transport=tcp;lr`), in order.
    public var parameters: [SIPParameter]
    /// URI headers (`?Subject=x&Route=...`), in order.
    public var headers: [SIPParameter]
    /// For schemes other than `sip`/`sips`: everything after `scheme:`.
    public var opaquePart: String?

    /// Creates a SIP URI from its parts.
    public init(
        scheme: String = "sip", user: String? = nil, password: String? = nil, host: String, port: Int? = nil,
        parameters: [SIPParameter] = [], headers: [SIPParameter] = []
    ) {
        self.scheme = scheme
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.parameters = parameters
        self.headers = headers
        self.opaquePart = nil
    }

    /// Creates a URI of a scheme SIPCore does not interpret.
    public init(scheme: String, opaquePart: String) {
        self.scheme = scheme
        self.user = nil
        self.password = nil
        self.host = ""
        self.port = nil
        self.parameters = []
        self.headers = []
        self.opaquePart = opaquePart
    }

    /// Parses a URI with libosip2 (SIP and SIPS) or keeps it opaque (any other scheme).
    public init(parsing text: String) throws(SIPParseError) {
        self = try OSIPParser.parseURI(text)
    }

    /// Whether the scheme is `sip` or `sips`, the ones this stack routes on.
    public var isSIP: Bool { scheme == "sip" || scheme == "sips" }

    /// `host` with brackets around an IPv6 address and `:port` when a port is set.
    public var hostPort: String {
        let bracketed = host.containsByte(UInt8(ascii: ":")) ? "[\(host)]" : host
        return port.map { "\(bracketed):\($0)" } ?? bracketed
    }

    /// `user@host` (or `host`) — the address-of-record form used by registrars and room names.
    public var addressOfRecord: String {
        user.map { "\($0)@\(host.lowercased())" } ?? host.lowercased()
    }

    /// The value of the `transport` parameter in lower case, if present.
    public var transport: String? { parameters.value(named: "transport").flatMap { $0?.lowercased() } }

    /// The URI rendered as it goes on the wire.
    public var description: String {
        if let opaquePart { return "\(scheme):\(opaquePart)" }
        var text = scheme + ":"
        if let user {
            text += user
            if let password { text += ":" + password }
            text += "@"
        }
        text += hostPort
        text += parameters.map { SIPParameter(name: $0.name, value: $0.value.map(URIEscaping.escapeParameter)) }
            .rendered()
        text += headers.map { SIPParameter(name: $0.name, value: $0.value.map(URIEscaping.escapeHeader)) }
            .rendered(leading: "?", separator: "&")
        return text
    }
}
