/// A header field name, compared case-insensitively and with compact forms expanded (RFC 3261 §7.3.1, §7.3.3).
public struct SIPHeaderName: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The name as given (for output).
    public let rawValue: String
    /// The lower-cased long form, used for comparison.
    public let canonical: String

    /// Creates a header name; a compact form (`v`, `f`, `i` …) is expanded for comparison.
    public init(_ name: String) {
        rawValue = name
        let lower = name.lowercased()
        canonical = Self.compactForms[lower] ?? lower
    }

    /// Creates a header name from a literal.
    public init(stringLiteral value: String) { self.init(value) }

    /// Whether `name` (as received, any case, compact or long) names this header.
    public func matches(_ name: some StringProtocol) -> Bool {
        let bytes = name.utf8
        if bytes.count == 1, let byte = bytes.first, let expanded = Self.compactFormsByByte[byte.asciiLowercased] {
            return expanded == canonical
        }
        return name.caseInsensitiveEquals(canonical)
    }

    /// Two names are equal when their long forms are equal.
    public static func == (lhs: SIPHeaderName, rhs: SIPHeaderName) -> Bool { lhs.canonical == rhs.canonical }

    /// Hashes the long form.
    public func hash(into hasher: inout Hasher) { hasher.combine(canonical) }

    /// The name as given.
    public var description: String { rawValue }

    /// Compact forms from RFC 3261 §7.3.3 and the RFCs that registered more (IANA "Header Fields" registry).
    static let compactForms: [String: String] = [
        "a": "accept-contact", "b": "referred-by", "c": "content-type", "d": "request-disposition",
        "e": "content-encoding", "f": "from", "i": "call-id", "j": "reject-contact", "k": "supported",
        "l": "content-length", "m": "contact", "n": "identity-info", "o": "event", "r": "refer-to",
        "s": "subject", "t": "to", "u": "allow-events", "v": "via", "x": "session-expires", "y": "identity",
    ]

    /// ``compactForms`` keyed by the letter's byte, so matching a received compact name allocates nothing.
    private static let compactFormsByByte: [UInt8: String] = Dictionary(
        uniqueKeysWithValues: compactForms.map { (UInt8($0.key.utf8.first!), $0.value) })

    /// RFC 3261 §20.42.
    public static let via: SIPHeaderName = "Via"
    /// RFC 3261 §20.20.
    public static let from: SIPHeaderName = "From"
    /// RFC 3261 §20.39.
    public static let to: SIPHeaderName = "To"
    /// RFC 3261 §20.8.
    public static let callID: SIPHeaderName = "Call-ID"
    /// RFC 3261 §20.16.
    public static let cseq: SIPHeaderName = "CSeq"
    /// RFC 3261 §20.10.
    public static let contact: SIPHeaderName = "Contact"
    /// RFC 3261 §20.22.
    public static let maxForwards: SIPHeaderName = "Max-Forwards"
    /// RFC 3261 §20.14.
    public static let contentLength: SIPHeaderName = "Content-Length"
    /// RFC 3261 §20.15.
    public static let contentType: SIPHeaderName = "Content-Type"
    /// RFC 3261 §20.19.
    public static let expires: SIPHeaderName = "Expires"
    /// RFC 3261 §20.32.
    public static let require: SIPHeaderName = "Require"
    /// RFC 3261 §20.29.
    public static let proxyRequire: SIPHeaderName = "Proxy-Require"
    /// RFC 3261 §20.37.
    public static let supported: SIPHeaderName = "Supported"
    /// RFC 3261 §20.40.
    public static let unsupported: SIPHeaderName = "Unsupported"
    /// RFC 3261 §20.5.
    public static let allow: SIPHeaderName = "Allow"
    /// RFC 3261 §20.1.
    public static let accept: SIPHeaderName = "Accept"
    /// RFC 3261 §20.34.
    public static let route: SIPHeaderName = "Route"
    /// RFC 3261 §20.30.
    public static let recordRoute: SIPHeaderName = "Record-Route"
    /// RFC 3261 §20.7.
    public static let authorization: SIPHeaderName = "Authorization"
    /// RFC 3261 §20.28.
    public static let proxyAuthorization: SIPHeaderName = "Proxy-Authorization"
    /// RFC 3261 §20.44.
    public static let wwwAuthenticate: SIPHeaderName = "WWW-Authenticate"
    /// RFC 3261 §20.27.
    public static let proxyAuthenticate: SIPHeaderName = "Proxy-Authenticate"
    /// RFC 3261 §20.41.
    public static let userAgent: SIPHeaderName = "User-Agent"
    /// RFC 3261 §20.35.
    public static let server: SIPHeaderName = "Server"
    /// RFC 3261 §20.43.
    public static let warning: SIPHeaderName = "Warning"
    /// RFC 3261 §20.23.
    public static let minExpires: SIPHeaderName = "Min-Expires"
}
