/// A `name-addr` or `addr-spec` with header parameters: the value of From, To, Contact, Route and
/// Record-Route (RFC 3261 §20.10, §20.20, §20.39).
public struct SIPNameAddress: Sendable, Hashable, CustomStringConvertible {
    /// The display name without its quotes, if any.
    public var displayName: String?
    /// The URI.
    public var uri: SIPURI
    /// Header parameters after the URI (`;tag=…`, `;expires=…`), in order.
    public var parameters: [SIPParameter]

    /// Creates a name-addr.
    public init(displayName: String? = nil, uri: SIPURI, parameters: [SIPParameter] = []) {
        self.displayName = displayName
        self.uri = uri
        self.parameters = parameters
    }

    /// Parses a From/To/Contact value with libosip2.
    public init(parsing text: String) throws(SIPParseError) {
        self = try OSIPParser.parseNameAddress(text)
    }

    /// The `tag` parameter (RFC 3261 §19.3), if present.
    public var tag: String? {
        get { parameters.value(named: "tag") ?? nil }
        set {
            if let newValue { parameters.set("tag", to: newValue) } else { parameters.remove(named: "tag") }
        }
    }

    /// The value rendered with angle brackets (always, so URI parameters never turn into header parameters).
    public var description: String {
        var text = ""
        if let displayName, !displayName.isEmpty {
            text += "\""
            for character in displayName {
                if character == "\"" || character == "\\" { text.append("\\") }
                text.append(character)
            }
            text += "\" "
        }
        text += "<" + uri.description + ">"
        text += parameters.rendered()
        return text
    }
}
