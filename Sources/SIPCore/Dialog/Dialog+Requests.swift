extension Dialog {
    /// Builds the next request this UA sends in the dialog (RFC 3261 §12.2.1.1).
    ///
    /// - To is the remote URI with the remote tag, From the local URI with the local tag, and the
    ///   Call-ID the dialog's.
    /// - CSeq is the local sequence number plus one, which becomes the new local sequence number
    ///   (a UAS's first request uses its injected initial number). ACK and CANCEL take the current
    ///   number unchanged, as they share the number of the request they acknowledge or cancel;
    ///   prefer ``makeACK(for2xxTo:via:body:contentType:)`` for the ACK of a 2xx, and the CANCEL of
    ///   RFC 3261 §9.1, which copies the INVITE, for cancelling.
    /// - With an empty route set, or a first route carrying `lr` (loose routing), the Request-URI
    ///   is the remote target and Route is the route set. A first route without `lr` is a strict
    ///   router (RFC 2543): it becomes the Request-URI and the remote target is added as the last
    ///   Route value.
    /// - Target refresh requests (INVITE, UPDATE) carry ``localTarget`` as Contact; pass no Contact
    ///   in `headers` (set ``localTarget`` instead).
    /// - A BYE terminates the dialog as it is handed to the transaction layer (RFC 3261 §15.1.1).
    ///
    /// The dialog does not know the transport, so the caller gives the Via (RFC 3261 §8.1.1.7):
    /// the transport layer's sent-by and a fresh branch chosen by the client transaction. The
    /// transaction and transport layers may still rewrite it (`pushVia`, `topVia`) before sending.
    ///
    /// - Parameters:
    ///   - method: The request's method.
    ///   - via: The top Via of the request.
    ///   - headers: Further header fields (Allow, Supported, Session-Expires …), appended after Route.
    ///   - body: The body.
    ///   - contentType: The body's Content-Type.
    public mutating func makeRequest(
        method: SIPMethod, via: SIPVia, headers: [SIPHeaderField] = [], body: [UInt8] = [],
        contentType: String? = nil
    ) -> SIPMessage {
        let sequenceNumber: UInt32
        if method == .ack || method == .cancel {
            sequenceNumber = localSequenceNumber ?? initialLocalSequenceNumber
        } else {
            // RFC 3261 §12.2.1.1: contiguous numbers, one more than the last. Wrapping past 2**32-1
            // would take four billion requests in one dialog; it wraps rather than trapping.
            sequenceNumber = localSequenceNumber.map { $0 &+ 1 } ?? initialLocalSequenceNumber
            localSequenceNumber = sequenceNumber
        }
        if method == .bye { state = .terminated }
        let contacts = method.isTargetRefresh ? localTarget.map { [SIPNameAddress(uri: $0)] } ?? [] : []
        return buildRequest(
            method: method, sequenceNumber: sequenceNumber, via: via, contacts: contacts, headers: headers,
            body: body, contentType: contentType)
    }

    /// Builds the ACK for a 2xx response to an INVITE of this dialog (RFC 3261 §13.2.2.4).
    ///
    /// The ACK is built like any in-dialog request (Request-URI, Route, From, To, Call-ID from the
    /// dialog), except that its CSeq has the INVITE's number with method ACK, and it carries the
    /// INVITE's Authorization and Proxy-Authorization lines. Hand the 2xx to ``receive(_:to:)``
    /// first, so that an early dialog is confirmed and its route set taken from the 2xx. The ACK is
    /// a transaction of its own: `via` needs a new branch. The local sequence number is unchanged.
    ///
    /// - Parameters:
    ///   - invite: The INVITE (or re-INVITE) as sent, credentials included.
    ///   - via: The top Via of the ACK.
    ///   - body: The body: the SDP answer when the INVITE carried no offer (RFC 3264 §4).
    ///   - contentType: The body's Content-Type.
    public func makeACK(
        for2xxTo invite: SIPMessage, via: SIPVia, body: [UInt8] = [], contentType: String? = nil
    ) -> SIPMessage {
        var credentials: [SIPHeaderField] = []
        for name in [SIPHeaderName.authorization, .proxyAuthorization] {
            for value in invite.headers.values(name) {
                credentials.append(SIPHeaderField(name: name.rawValue, value: value))
            }
        }
        return buildRequest(
            method: .ack, sequenceNumber: invite.cseq.sequenceNumber, via: via, contacts: [], headers: credentials,
            body: body, contentType: contentType)
    }

    /// Fills in Request-URI, Route, From, To and Call-ID from the dialog state (RFC 3261 §12.2.1.1).
    private func buildRequest(
        method: SIPMethod, sequenceNumber: UInt32, via: SIPVia, contacts: [SIPNameAddress],
        headers: [SIPHeaderField], body: [UInt8], contentType: String?
    ) -> SIPMessage {
        let requestURI: SIPURI
        let routes: [SIPNameAddress]
        if let firstRoute = routeSet.first, !firstRoute.uri.parameters.contains(named: "lr") {
            requestURI = firstRoute.uri.strippedForRequestURI
            routes = Array(routeSet.dropFirst()) + [SIPNameAddress(uri: remoteTarget)]
        } else {
            requestURI = remoteTarget.strippedForRequestURI
            routes = routeSet
        }
        var fields: [SIPHeaderField] = []
        if !routes.isEmpty {
            let routeValue = routes.map(\.description).joined(separator: ", ")
            fields.append(SIPHeaderField(name: SIPHeaderName.route.rawValue, value: routeValue))
        }
        fields += headers
        var from = localURI
        from.tag = id.localTag
        var to = remoteURI
        to.tag = id.remoteTag
        return SIPMessage(
            request: method, uri: requestURI, via: via, from: from, to: to, callID: id.callID,
            sequenceNumber: sequenceNumber, contacts: contacts, headers: fields, body: body, contentType: contentType)
    }
}

extension SIPURI {
    /// The URI without the parts RFC 3261 §19.1.1's table forbids in a Request-URI: the `method`
    /// parameter and URI headers (§12.2.1.1 asks to strip them from a strict router's URI).
    fileprivate var strippedForRequestURI: SIPURI {
        var copy = self
        copy.parameters.remove(named: "method")
        copy.headers = []
        return copy
    }
}
