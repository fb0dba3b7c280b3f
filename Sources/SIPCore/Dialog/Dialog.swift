/// A SIP dialog: the peer-to-peer relationship one INVITE sets up between two user agents
/// (RFC 3261 §12), held as a sans-I/O value.
///
/// A dialog is created at the UAC from its INVITE and a response carrying a To tag
/// (``init(uacRequest:response:isOverTLS:)``, RFC 3261 §12.1.2) and at the UAS from the INVITE and
/// the response it answers with (``init(uasRequest:response:initialLocalSequenceNumber:isOverTLS:)``,
/// §12.1.1). It then builds the requests this UA sends in it (``makeRequest(method:via:headers:body:contentType:)``,
/// ``makeACK(for2xxTo:via:body:contentType:)``) and digests what it receives
/// (``receive(_:)``, ``receive(_:to:)``, ``send(_:to:)``). It never touches a socket or a clock:
/// transactions and transports are the layers below (RFC 3261 §17, §18).
public struct Dialog: Sendable {
    /// The dialog's identifier, seen from this UA.
    public let id: DialogID
    /// Where the dialog is in its life.
    public internal(set) var state: DialogState
    /// This UA's address as it appears in From of its requests (RFC 3261 §12.1.1, §12.1.2),
    /// without the tag (the tag is ``DialogID/localTag``).
    public let localURI: SIPNameAddress
    /// The peer's address as it appears in To of this UA's requests, without the tag (the tag is
    /// ``DialogID/remoteTag``).
    public let remoteURI: SIPNameAddress
    /// The URI this UA wants in-dialog requests sent to: the Contact it put in its dialog-creating
    /// request or response. Sent as Contact in target refresh requests (RFC 3261 §12.2.1.1); set it
    /// before a re-INVITE or UPDATE that moves this UA.
    public var localTarget: SIPURI?
    /// Where this UA sends in-dialog requests: the peer's latest Contact (RFC 3261 §12.1, §12.2).
    public internal(set) var remoteTarget: SIPURI
    /// The proxies in-dialog requests traverse, in the order this UA sends through them
    /// (RFC 3261 §12.1.1, §12.1.2): from Record-Route, values kept whole so their parameters
    /// (`lr`, proxies' own) come back as sent.
    public internal(set) var routeSet: [SIPNameAddress]
    /// The CSeq number of the last request this UA sent in the dialog; `nil` at a UAS until it
    /// sends one (RFC 3261 §12.1.1).
    public internal(set) var localSequenceNumber: UInt32?
    /// The CSeq number of the last request the peer sent in the dialog; `nil` at a UAC until the
    /// peer sends one (RFC 3261 §12.1.2).
    public internal(set) var remoteSequenceNumber: UInt32?
    /// Whether the dialog was set up over TLS with a SIPS Request-URI (RFC 3261 §12.1.1, §12.1.2).
    public let isSecure: Bool
    /// The CSeq number a UAS uses for its first request when ``localSequenceNumber`` is still
    /// empty (RFC 3261 §12.2.1.1, chosen per §8.1.1.5 and injected, so tests stay deterministic).
    let initialLocalSequenceNumber: UInt32

    /// Creates the UAC side of a dialog from the request this UA sent and a response to it
    /// (RFC 3261 §12.1.2).
    ///
    /// A 101–199 response with a To tag creates an early dialog, a 2xx a confirmed one. The route
    /// set is the response's Record-Route in reverse order; the remote target is the response's
    /// Contact. A provisional response without Contact (RFC 3261 §12.1.2 requires one, yet some
    /// gateways omit it in 18x) leaves the Request-URI as remote target until the 2xx, whose
    /// Contact replaces it (INVITE is a target refresh, §12.2.1.2). A response from a forking
    /// proxy's other branch carries another To tag and so creates another dialog (§12.1.2, §13.2.2.4):
    /// ``DialogTable`` keeps them apart.
    ///
    /// - Parameters:
    ///   - request: The dialog-creating request as sent (INVITE, with this UA's From tag).
    ///   - response: A 101–299 response to it.
    ///   - isOverTLS: Whether the request was sent over TLS; with a SIPS Request-URI the dialog is secure.
    /// - Throws: ``DialogError`` when the response creates no dialog or does not answer `request`,
    ///   or when a Record-Route value cannot be parsed.
    public init(uacRequest request: SIPMessage, response: SIPMessage, isOverTLS: Bool = false) throws(DialogError) {
        guard let statusCode = response.statusCode, (101...299).contains(statusCode),
            statusCode >= 200 || response.to.tag != nil
        else {
            let toTag = response.to.tag ?? "none"
            throw DialogError(.responseCreatesNoDialog, "status \(response.statusCode ?? 0) with To tag \(toTag)")
        }
        guard response.callID == request.callID, response.from.tag == request.from.tag,
            response.cseq == request.cseq
        else {
            throw DialogError(.responseDoesNotMatchRequest, "Call-ID, From tag or CSeq differ")
        }
        guard let localTag = request.from.tag else {
            throw DialogError(.missingLocalTag, "request without From tag")
        }
        self.id = DialogID(callID: request.callID, localTag: localTag, remoteTag: response.to.tag)
        self.state = statusCode >= 200 ? .confirmed : .early
        self.localURI = request.from.withoutTag
        self.remoteURI = request.to.withoutTag
        self.localTarget = request.contacts.first?.uri
        self.remoteTarget = response.contacts.first?.uri ?? request.requestURI ?? request.to.uri
        self.routeSet = try Self.recordRoute(of: response).reversed()
        self.localSequenceNumber = request.cseq.sequenceNumber
        self.remoteSequenceNumber = nil
        self.isSecure = isOverTLS && request.requestURI?.scheme == "sips"
        self.initialLocalSequenceNumber = request.cseq.sequenceNumber
    }

    /// Creates the UAS side of a dialog from the request received and the response this UA answers
    /// it with (RFC 3261 §12.1.1).
    ///
    /// A 101–199 response creates an early dialog, a 2xx a confirmed one; the response must carry
    /// this UA's To tag. The route set is the request's Record-Route in order; the remote target is
    /// the request's Contact; the local target is the response's Contact.
    ///
    /// - Parameters:
    ///   - request: The dialog-creating request received.
    ///   - response: The 101–299 response this UA sends, with its To tag set.
    ///   - initialLocalSequenceNumber: The CSeq number of the first request this UA will send in the
    ///     dialog (RFC 3261 §8.1.1.5: any value below 2**31; injected rather than drawn here).
    ///   - isOverTLS: Whether the request arrived over TLS; with a SIPS Request-URI the dialog is secure.
    /// - Throws: ``DialogError`` when the response creates no dialog or lacks the To tag, when the
    ///   request has no Contact, or when a Record-Route value cannot be parsed.
    public init(
        uasRequest request: SIPMessage, response: SIPMessage, initialLocalSequenceNumber: UInt32 = 1,
        isOverTLS: Bool = false
    ) throws(DialogError) {
        guard let statusCode = response.statusCode, (101...299).contains(statusCode) else {
            throw DialogError(.responseCreatesNoDialog, "status \(response.statusCode ?? 0)")
        }
        guard let localTag = response.to.tag else {
            throw DialogError(.missingLocalTag, "response without To tag")
        }
        guard let remoteTarget = request.contacts.first?.uri else {
            throw DialogError(.missingContact, "dialog-creating request without Contact")
        }
        self.id = DialogID(callID: request.callID, localTag: localTag, remoteTag: request.from.tag)
        self.state = statusCode >= 200 ? .confirmed : .early
        self.localURI = request.to.withoutTag
        self.remoteURI = request.from.withoutTag
        self.localTarget = response.contacts.first?.uri
        self.remoteTarget = remoteTarget
        self.routeSet = try Self.recordRoute(of: request)
        self.localSequenceNumber = nil
        self.remoteSequenceNumber = request.cseq.sequenceNumber
        self.isSecure = isOverTLS && request.requestURI?.scheme == "sips"
        self.initialLocalSequenceNumber = initialLocalSequenceNumber
    }

    /// The Record-Route values of `message`, top first, parsed as name-addrs (RFC 3261 §20.30).
    static func recordRoute(of message: SIPMessage) throws(DialogError) -> [SIPNameAddress] {
        var routes: [SIPNameAddress] = []
        for value in message.headers.splitValues(.recordRoute) {
            do {
                routes.append(try SIPNameAddress(parsing: value))
            } catch {
                throw DialogError(.malformedRecordRoute, "Record-Route \(value): \(error.reason)")
            }
        }
        return routes
    }
}

extension SIPNameAddress {
    /// The same address without its `tag` parameter, as a dialog keeps its local and remote URI.
    fileprivate var withoutTag: SIPNameAddress {
        var copy = self
        copy.tag = nil
        return copy
    }
}
