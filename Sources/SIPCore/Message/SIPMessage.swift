/// A SIP request or response (RFC 3261 §7).
///
/// The fields that routing needs — top Via, From, To, Call-ID, CSeq, Contact, Max-Forwards and
/// Content-Type — are parsed once, eagerly, into typed properties; every header line, including
/// those, is also kept raw and in order in ``headers`` (so a response can copy Via/From/To/Call-ID/CSeq
/// byte for byte, RFC 3261 §8.2.6.2). Setting a typed property rewrites its raw header line, and
/// setting ``body`` rewrites Content-Length, so the two views never disagree.
public struct SIPMessage: Sendable {
    /// The first line of a message (RFC 3261 §7.1, §7.2).
    public enum StartLine: Sendable, Hashable {
        /// `Method Request-URI SIP/2.0`.
        case request(method: SIPMethod, uri: SIPURI)
        /// `SIP/2.0 Status-Code Reason-Phrase`.
        case response(statusCode: Int, reasonPhrase: String)
    }

    /// The request line or status line.
    public var startLine: StartLine
    /// Every header line in order, raw.
    public private(set) var headers: SIPHeaderFields
    /// The body; setting it rewrites Content-Length.
    public var body: [UInt8] {
        didSet { headers.set(.contentLength, String(body.count)) }
    }

    /// The top Via value (RFC 3261 §20.42); `nil` only for an RFC 2543 peer that sent none.
    public var topVia: SIPVia? {
        didSet { rewriteTopVia() }
    }
    /// The From value (RFC 3261 §20.20).
    public var from: SIPNameAddress {
        didSet { headers.set(.from, from.description) }
    }
    /// The To value (RFC 3261 §20.39); set `to.tag` to add the tag of a response.
    public var to: SIPNameAddress {
        didSet { headers.set(.to, to.description) }
    }
    /// The Call-ID (RFC 3261 §20.8).
    public var callID: String {
        didSet { headers.set(.callID, callID) }
    }
    /// The CSeq (RFC 3261 §20.16).
    public var cseq: SIPCSeq {
        didSet { headers.set(.cseq, cseq.description) }
    }
    /// The Contact values (RFC 3261 §20.10); empty when absent or when ``isWildcardContact``.
    public var contacts: [SIPNameAddress] {
        didSet {
            headers.remove(.contact)
            for contact in contacts { headers.append(.contact, contact.description) }
        }
    }
    /// Whether the message carries `Contact: *` (a REGISTER removing every binding, RFC 3261 §10.2.2).
    public private(set) var isWildcardContact: Bool
    /// Max-Forwards (RFC 3261 §20.22), if present.
    public var maxForwards: Int? {
        didSet {
            if let maxForwards { headers.set(.maxForwards, String(maxForwards)) } else { headers.remove(.maxForwards) }
        }
    }
    /// The Content-Type value, if present (RFC 3261 §20.15).
    public var contentType: String? {
        didSet {
            if let contentType { headers.set(.contentType, contentType) } else { headers.remove(.contentType) }
        }
    }

    /// Creates a message from parts that agree with each other; used by the parser and the builders.
    init(
        startLine: StartLine, headers: SIPHeaderFields, body: [UInt8], topVia: SIPVia?, from: SIPNameAddress,
        to: SIPNameAddress, callID: String, cseq: SIPCSeq, contacts: [SIPNameAddress], isWildcardContact: Bool,
        maxForwards: Int?, contentType: String?
    ) {
        self.startLine = startLine
        self.headers = headers
        self.body = body
        self.topVia = topVia
        self.from = from
        self.to = to
        self.callID = callID
        self.cseq = cseq
        self.contacts = contacts
        self.isWildcardContact = isWildcardContact
        self.maxForwards = maxForwards
        self.contentType = contentType
    }

    /// Parses one complete message (a UDP datagram, or one message framed off a stream).
    public init(parsing bytes: some Collection<UInt8>) throws(SIPParseError) {
        self = try SIPMessageParser.parse(Array(bytes))
    }

    /// The method of a request, or the CSeq method of a response.
    public var method: SIPMethod {
        if case .request(let method, _) = startLine { return method }
        return cseq.method
    }

    /// Whether this is a request.
    public var isRequest: Bool {
        if case .request = startLine { return true }
        return false
    }

    /// The Request-URI of a request.
    public var requestURI: SIPURI? {
        if case .request(_, let uri) = startLine { return uri }
        return nil
    }

    /// The status code of a response.
    public var statusCode: Int? {
        if case .response(let code, _) = startLine { return code }
        return nil
    }

    /// The reason phrase of a response.
    public var reasonPhrase: String? {
        if case .response(_, let reason) = startLine { return reason }
        return nil
    }

    /// Appends a header line (for headers without a typed property).
    public mutating func appendHeader(_ name: SIPHeaderName, _ value: String) {
        headers.append(name, value)
    }

    /// Sets a header to exactly one line (for headers without a typed property).
    public mutating func setHeader(_ name: SIPHeaderName, _ value: String) {
        headers.set(name, value)
    }

    /// Removes every line of a header that has no typed property.
    public mutating func removeHeader(_ name: SIPHeaderName) {
        headers.remove(name)
    }

    /// Adds a new top Via (a proxy or a client transaction sending a request, RFC 3261 §8.1.1.7).
    public mutating func pushVia(_ via: SIPVia) {
        headers.prepend(.via, via.description)
        topVia = via
    }

    private mutating func rewriteTopVia() {
        guard let topVia else { return }
        let lines = headers.values(.via)
        guard let first = lines.first else {
            headers.prepend(.via, topVia.description)
            return
        }
        var elements = HeaderValueSplitter.split(first)
        elements[0] = topVia.description
        headers.replaceFirst(.via, with: elements.joined(separator: ", "))
    }
}
