extension Dialog {
    /// Takes a request the peer sent in this dialog (RFC 3261 §12.2.2) and says whether it goes on
    /// to the session layer.
    ///
    /// - A request whose CSeq number is lower than the remote sequence number is out of order and
    ///   is rejected with 500. An equal number is a retransmission, which the server transaction
    ///   absorbs before the dialog sees it, or a request sharing its INVITE's number.
    /// - Otherwise the remote sequence number becomes the request's.
    /// - A target refresh request (re-INVITE, UPDATE — RFC 3311 §5.1) with a Contact replaces the
    ///   remote target.
    /// - A BYE terminates the dialog (RFC 3261 §15.1.2); the session layer still answers it 200.
    /// - In a terminated dialog every request but ACK is answered 481 (RFC 3261 §12.2.2).
    /// - An ACK is never answered (RFC 3261 §17.1.1.3): it is accepted, or discarded when the
    ///   dialog has terminated. Its CSeq is its INVITE's, so it leaves the remote number alone.
    public mutating func receive(_ request: SIPMessage) -> DialogRequestOutcome {
        if request.method == .ack {
            return state == .terminated ? .discard : .accept
        }
        guard state != .terminated else {
            return .reject(response: SIPMessage(responseTo: request, statusCode: 481))
        }
        let sequenceNumber = request.cseq.sequenceNumber
        if let remoteSequenceNumber, sequenceNumber < remoteSequenceNumber {
            return .reject(response: SIPMessage(responseTo: request, statusCode: 500))
        }
        remoteSequenceNumber = sequenceNumber
        if request.method.isTargetRefresh, let contact = request.contacts.first {
            remoteTarget = contact.uri
        }
        if request.method == .bye {
            state = .terminated
        }
        return .accept
    }

    /// Takes a response to a request this UA sent in the dialog — or to the INVITE that created it
    /// (RFC 3261 §12.2.1.2, §12.3, §13.2.2.4).
    ///
    /// - A 2xx to the INVITE of an early dialog confirms it, and the route set is recomputed from
    ///   the 2xx's Record-Route (§13.2.2.4).
    /// - A 2xx to a target refresh request (INVITE, UPDATE) with a Contact replaces the remote target.
    /// - A 481 or 408 to any request terminates the dialog (§12.2.1.2).
    /// - A final non-2xx response to the INVITE of an early dialog terminates it (§12.3).
    ///
    /// A response whose Call-ID or tags belong to another dialog (a different fork) changes nothing.
    ///
    /// - Throws: ``DialogError`` with code ``DialogError/Code/malformedRecordRoute`` when a
    ///   confirming 2xx has an unparseable Record-Route; the dialog is then left unchanged.
    public mutating func receive(_ response: SIPMessage, to request: SIPMessage) throws(DialogError) {
        guard let statusCode = response.statusCode, state != .terminated,
            DialogID(incomingResponse: response) == id
        else { return }
        let answersCreatingInvite = state == .early && request.method == .invite
        switch statusCode {
        case 200..<300:
            if answersCreatingInvite {
                routeSet = try Self.recordRoute(of: response).reversed()
                state = .confirmed
            }
            if request.method.isTargetRefresh, let contact = response.contacts.first {
                remoteTarget = contact.uri
            }
        case 408, 481:
            state = .terminated
        case 300...:
            if answersCreatingInvite { state = .terminated }
        default:
            break
        }
    }

    /// Tells the dialog that a request this UA sent in it got no response at all: the client
    /// transaction timed out, which terminates the dialog like a 408 (RFC 3261 §12.2.1.2).
    public mutating func requestTimedOut() {
        state = .terminated
    }

    /// Tells the UAS side of the dialog which response this UA sends to a request (RFC 3261
    /// §12.1.1, §12.3, §13.3.1.4).
    ///
    /// - A 2xx to the INVITE of an early dialog confirms it.
    /// - A 2xx to a target refresh request with a Contact replaces the local target.
    /// - A final non-2xx response to the INVITE of an early dialog terminates it.
    ///
    /// A response that does not carry this dialog's Call-ID and local tag (in To) changes nothing.
    public mutating func send(_ response: SIPMessage, to request: SIPMessage) {
        guard let statusCode = response.statusCode, state != .terminated,
            response.callID == id.callID, response.to.tag == id.localTag
        else { return }
        let answersCreatingInvite = state == .early && request.method == .invite
        switch statusCode {
        case 200..<300:
            if answersCreatingInvite { state = .confirmed }
            if request.method.isTargetRefresh, let contact = response.contacts.first {
                localTarget = contact.uri
            }
        case 300...:
            if answersCreatingInvite { state = .terminated }
        default:
            break
        }
    }
}
