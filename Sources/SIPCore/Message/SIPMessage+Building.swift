extension SIPMessage {
    /// Builds a request with the mandatory headers of RFC 3261 §8.1.1 in the customary order
    /// (Via, Max-Forwards, From, To, Call-ID, CSeq, Contact, others, Content-Type, Content-Length).
    public init(
        request method: SIPMethod, uri: SIPURI, via: SIPVia, from: SIPNameAddress, to: SIPNameAddress,
        callID: String, sequenceNumber: UInt32, contacts: [SIPNameAddress] = [], maxForwards: Int = 70,
        headers extraHeaders: [SIPHeaderField] = [], body: [UInt8] = [], contentType: String? = nil
    ) {
        let cseq = SIPCSeq(sequenceNumber: sequenceNumber, method: method)
        var fields = SIPHeaderFields()
        fields.append(.via, via.description)
        fields.append(.maxForwards, String(maxForwards))
        fields.append(.from, from.description)
        fields.append(.to, to.description)
        fields.append(.callID, callID)
        fields.append(.cseq, cseq.description)
        for contact in contacts { fields.append(.contact, contact.description) }
        for field in extraHeaders { fields.append(SIPHeaderName(field.name), field.value) }
        if let contentType { fields.append(.contentType, contentType) }
        fields.append(.contentLength, String(body.count))
        self.init(
            startLine: .request(method: method, uri: uri), headers: fields, body: body, topVia: via, from: from,
            to: to, callID: callID, cseq: cseq, contacts: contacts, isWildcardContact: false,
            maxForwards: maxForwards, contentType: contentType)
    }

    /// Builds a response to `request`: Via (all of them), From, To, Call-ID and CSeq are copied as
    /// they arrived (RFC 3261 §8.2.6.2). Set ``to``'s tag afterwards when the response needs one.
    public init(
        responseTo request: SIPMessage, statusCode: Int, reasonPhrase: String? = nil,
        headers extraHeaders: [SIPHeaderField] = [], body: [UInt8] = [], contentType: String? = nil
    ) {
        var fields = SIPHeaderFields()
        for via in request.headers.values(.via) { fields.append(.via, via) }
        fields.append(.from, request.headers[.from] ?? request.from.description)
        fields.append(.to, request.headers[.to] ?? request.to.description)
        fields.append(.callID, request.callID)
        fields.append(.cseq, request.headers[.cseq] ?? request.cseq.description)
        for field in extraHeaders { fields.append(SIPHeaderName(field.name), field.value) }
        if let contentType { fields.append(.contentType, contentType) }
        fields.append(.contentLength, String(body.count))
        self.init(
            startLine: .response(statusCode: statusCode, reasonPhrase: reasonPhrase ?? SIPStatus.reasonPhrase(for: statusCode)),
            headers: fields, body: body, topVia: request.topVia, from: request.from, to: request.to,
            callID: request.callID, cseq: request.cseq, contacts: [], isWildcardContact: false, maxForwards: nil,
            contentType: contentType)
    }
}
