/// A request handed to the transaction user, with the way to answer it.
public struct IncomingRequest: Sendable {
    /// The request, its top Via already stamped with `received`/`rport` (RFC 3581).
    public let message: SIPMessage
    /// Where it came from.
    public let source: SIPTransportAddress
    private let responder: @Sendable (SIPMessage) -> Void

    init(message: SIPMessage, source: SIPTransportAddress, responder: @escaping @Sendable (SIPMessage) -> Void) {
        self.message = message
        self.source = source
        self.responder = responder
    }

    /// Sends a response through the request's server transaction (ignored for ACK, which has none).
    /// May be called from any thread.
    public func respond(_ response: SIPMessage) {
        responder(response)
    }

    /// Sends a response built from the request with `statusCode` and an added To tag for final
    /// responses (RFC 3261 §8.2.6.2).
    public func respond(
        statusCode: Int, reasonPhrase: String? = nil, toTag: String? = nil, headers: [SIPHeaderField] = [],
        body: [UInt8] = [], contentType: String? = nil
    ) {
        var response = SIPMessage(
            responseTo: message, statusCode: statusCode, reasonPhrase: reasonPhrase, headers: headers, body: body,
            contentType: contentType)
        if statusCode > 100, response.to.tag == nil { response.to.tag = toTag ?? SIPIdentifiers.tag() }
        respond(response)
    }
}
