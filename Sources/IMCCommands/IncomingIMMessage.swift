/// A MESSAGE request routed to the IM conferencing manager, reduced to what imc reads (spec §1).
///
/// The To header is deliberately absent: imc never uses it, the Request-URI names the room.
public struct IncomingIMMessage: Sendable, Hashable {
    /// The Request-URI as currently set (Kamailio `$ru`), verbatim and parsed.
    public var requestURI: IMCMessageURI
    /// The URI of the From header, without display name and tag, verbatim and parsed.
    public var fromURI: IMCMessageURI
    /// The Call-ID, echoed in the `In-Reply-To` header of everything the request causes (spec §7).
    public var callID: String
    /// The request's Content-Type, if any. Kamailio 5.6 ignores it and labels every fan-out
    /// `text/plain` (spec §5, B21); kept so the caller can log it.
    public var contentType: String?
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a message.
    public init(requestURI: IMCMessageURI, fromURI: IMCMessageURI, callID: String, contentType: String?, body: [UInt8]) {
        self.requestURI = requestURI
        self.fromURI = fromURI
        self.callID = callID
        self.contentType = contentType
        self.body = body
    }
}
