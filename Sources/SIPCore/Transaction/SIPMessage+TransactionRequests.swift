extension SIPMessage {
    /// Builds the ACK a client transaction sends for a 300–699 response to `invite` (RFC 3261 §17.1.1.3):
    /// Request-URI, Call-ID and From of the INVITE, To of the response (with the tag it added), CSeq with
    /// the INVITE's number and method ACK, one Via equal to the INVITE's top Via (so the server matches
    /// it to its transaction, §17.2.3), and the INVITE's Route header fields. No body.
    ///
    /// The ACK of a 2xx is not built here: it is a new transaction of the dialog layer (§13.2.2.4).
    public init(acknowledging response: SIPMessage, of invite: SIPMessage) {
        let to = response.headers[.to] ?? response.to.description
        self.init(mirroring: invite, method: .ack, toLine: to, to: response.to)
    }

    /// Builds the CANCEL of a pending `invite` (RFC 3261 §9.1): Request-URI, Call-ID, To, From and the
    /// CSeq number of the INVITE with method CANCEL, one Via equal to the INVITE's top Via (the same
    /// branch, so the server finds the INVITE, §9.2), and the INVITE's Route header fields. No body.
    ///
    /// Send it in its own non-INVITE client transaction, and only once the INVITE has had a
    /// provisional response (§9.1).
    public init(cancelling invite: SIPMessage) {
        let to = invite.headers[.to] ?? invite.to.description
        self.init(mirroring: invite, method: .cancel, toLine: to, to: invite.to)
    }

    /// A request that repeats `invite`'s identity under another method: the shape §9.1 and §17.1.1.3
    /// give the CANCEL and the non-2xx ACK. Header lines are copied raw, so tags and parameters stay
    /// byte for byte what the server saw in the INVITE.
    private init(mirroring invite: SIPMessage, method: SIPMethod, toLine: String, to: SIPNameAddress) {
        guard let requestURI = invite.requestURI else {
            preconditionFailure("an ACK or CANCEL mirrors a request (RFC 3261 §9.1, §17.1.1.3)")
        }
        let cseq = SIPCSeq(sequenceNumber: invite.cseq.sequenceNumber, method: method)
        let maxForwards = 70
        var fields = SIPHeaderFields()
        if let via = invite.topVia { fields.append(.via, via.description) }
        fields.append(.maxForwards, String(maxForwards))
        fields.append(.from, invite.headers[.from] ?? invite.from.description)
        fields.append(.to, toLine)
        fields.append(.callID, invite.callID)
        fields.append(.cseq, cseq.description)
        for route in invite.headers.values(.route) { fields.append(.route, route) }
        fields.append(.contentLength, "0")
        self.init(
            startLine: .request(method: method, uri: requestURI), headers: fields, body: [],
            topVia: invite.topVia, from: invite.from, to: to, callID: invite.callID, cseq: cseq, contacts: [],
            isWildcardContact: false, maxForwards: maxForwards, contentType: nil)
    }
}
