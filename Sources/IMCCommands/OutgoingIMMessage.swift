import SIPCore

/// A new out-of-dialog MESSAGE the manager wants sent (spec §7): Request-URI and To are ``to``,
/// From is ``from`` (with a fresh tag), CSeq `10 MESSAGE`, a new Call-ID.
public struct OutgoingIMMessage: Sendable, Hashable {
    /// The From URI: the room URI, or the Request-URI verbatim for replies to the sender.
    public var from: String
    /// The To URI, also the Request-URI: a stored member URI, or the From URI verbatim.
    public var to: String
    /// The body, exactly.
    public var body: [UInt8]
    /// The Call-ID of the request that caused this message, for `In-Reply-To`; `nil` for the
    /// invitation-failure notice, which is not caused by a request.
    public var inReplyTo: String?
    /// Which headers to add.
    public var headerStyle: IMCHeaderStyle
    /// Set on an invitation: its final reply must be reported back when it is 300 or above.
    public var invitation: IMCInvitation?

    /// Creates a message.
    public init(
        from: String, to: String, body: [UInt8], inReplyTo: String?, headerStyle: IMCHeaderStyle = .standard,
        invitation: IMCInvitation? = nil
    ) {
        self.from = from
        self.to = to
        self.body = body
        self.inReplyTo = inReplyTo
        self.headerStyle = headerStyle
        self.invitation = invitation
    }

    /// The body as UTF-8 text (invalid sequences replaced), for logs and tests.
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// Kamailio's header block size limit: `build_headers` drops `In-Reply-To` beyond it.
    public static let headerBlockLimit = 1024

    /// The header fields imc adds, in Kamailio 5.6's order, given the configured extra headers
    /// (`extra_hdrs`). `In-Reply-To` is left out when the block would exceed
    /// ``headerBlockLimit`` bytes, as `build_headers` does.
    public func headerFields(extraHeaders: [SIPHeaderField] = []) -> [SIPHeaderField] {
        switch headerStyle {
        case .extraHeadersOnly:
            return extraHeaders
        case .standard:
            var fields = [
                SIPHeaderField(name: "Content-Type", value: "text/plain"),
                SIPHeaderField(name: "Supported", value: "kamailio/imc"),
            ]
            fields += extraHeaders
            guard let inReplyTo else { return fields }
            let blockSize = fields.reduce(0) { $0 + $1.name.utf8.count + 2 + $1.value.utf8.count + 2 }
            if blockSize + "In-Reply-To: ".utf8.count + inReplyTo.utf8.count <= Self.headerBlockLimit {
                fields.append(SIPHeaderField(name: "In-Reply-To", value: inReplyTo))
            }
            return fields
        }
    }
}
