extension InviteSession {
    /// Takes a request the driver matched to this session: an ACK, a CANCEL of the initial
    /// INVITE, or a request in one of its dialogs (RFC 3261 §12.2.2).
    public mutating func receive(request: SIPMessage) -> [InviteSessionAction] {
        switch request.method {
        case .cancel:
            return receiveCancel(request)
        case .ack:
            return role == .uas || unacknowledged != nil ? receiveACK(request) : []
        default:
            break
        }
        guard let id = DialogID(incomingRequest: request), var target = dialogFor(id) else {
            return [.sendResponse(SIPMessage(responseTo: request, statusCode: 481))]
        }
        let outcome = target.receive(request)
        store(target)
        switch outcome {
        case .reject(let response): return [.sendResponse(response)]
        case .discard: return []
        case .accept: break
        }
        switch request.method {
        case .bye:
            var actions: [InviteSessionAction] = [.sendResponse(makeResponse(to: request, statusCode: 200))]
            if role == .uas, let pending = pendingIncoming, pending.to.tag == nil {
                // RFC 3261 §15.1.2: a BYE before the final response ends the INVITE with 487.
                actions.append(.sendResponse(makeResponse(to: pending, statusCode: 487)))
            }
            return actions + finish(.remoteHangUp)
        case .invite, .update:
            return receiveOffer(request)
        case .info:
            return [
                .sendResponse(makeResponse(to: request, statusCode: 200)),
                .report(.info(contentType: request.contentType, body: request.body)),
            ]
        case .options:
            return [.sendResponse(makeResponse(to: request, statusCode: 200, headers: capabilityHeaders))]
        default:
            return [.sendResponse(makeResponse(to: request, statusCode: 405, headers: [configuration.allowHeader]))]
        }
    }

    /// The peer's CANCEL of the initial INVITE: the transaction layer answered 200 and 487
    /// (RFC 3261 §9.2); the session ends.
    private mutating func receiveCancel(_ cancel: SIPMessage) -> [InviteSessionAction] {
        guard role == .uas, let pending = pendingIncoming, pending.to.tag == nil,
            cancel.cseq.sequenceNumber == pending.cseq.sequenceNumber
        else { return [] }
        pendingIncoming = nil
        return finish(.cancelled)
    }

    /// The confirmed dialog, or an early one of a fork (RFC 3261 §12.2.2).
    private func dialogFor(_ id: DialogID) -> Dialog? {
        if let dialog, dialog.id == id { return dialog }
        return forks[id]
    }

    private mutating func store(_ updated: Dialog) {
        if dialog?.id == updated.id { dialog = updated } else { forks[updated.id] = updated }
    }

    /// A re-INVITE or UPDATE: 491 when this UA's own offer is out (RFC 3261 §14.2, RFC 3311
    /// §5.2), 500 with Retry-After when the peer's previous one is still unanswered, 422 when its
    /// Session-Expires is too small (RFC 4028 §8.1). A refresh that changes nothing — no body, or
    /// the same SDP version (RFC 3264 §8) — is answered at once; a new offer goes to the user.
    private mutating func receiveOffer(_ request: SIPMessage) -> [InviteSessionAction] {
        if pendingOutgoing != nil || offerIn2xx != nil || (request.method == .invite && unacknowledged != nil) {
            return [.sendResponse(makeResponse(to: request, statusCode: 491))]
        }
        if pendingIncoming != nil {
            let retry = SIPHeaderField(name: SIPHeaderName.retryAfter.rawValue, value: "1")
            return [.sendResponse(makeResponse(to: request, statusCode: 500, headers: [retry]))]
        }
        if let timers = configuration.sessionTimers, let requested = SessionExpires(of: request),
            requested.seconds < timers.minimumSessionExpires
        {
            let minSE = SIPHeaderField(name: SIPHeaderName.minSE.rawValue, value: String(timers.minimumSessionExpires))
            return [.sendResponse(makeResponse(to: request, statusCode: 422, headers: [minSE]))]
        }
        if Self.allowsUpdate(request) { peerAllowsUpdate = true }
        pendingIncoming = request
        let offer = Self.description(in: request)
        pendingIncomingHasOffer = offer != nil
        guard let offer else {
            if request.method == .update, let localDescription {
                return answerRefresh(request, keeping: localDescription, withBody: false)
            }
            return [.report(.offerRequested)]
        }
        if let remoteDescription, let localDescription, remoteDescription.origin == offer.origin {
            return answerRefresh(request, keeping: localDescription, withBody: true)
        }
        let previous = remoteDescription
        remoteDescription = offer
        var actions: [InviteSessionAction] = [.report(.offerReceived(offer))]
        if previous != nil {
            actions.append(.report(.mediaChanged(offer, isOnHold: Self.isOnHold(offer))))
        }
        return actions
    }

    /// Answers a session refresh with the unchanged description (RFC 4028 §9, RFC 3264 §8).
    private mutating func answerRefresh(
        _ request: SIPMessage, keeping description: SessionDescription, withBody: Bool
    ) -> [InviteSessionAction] {
        if withBody { return answer(sdp: description) }
        pendingIncoming = nil
        var headers = capabilityHeaders
        if let timer = negotiateSessionTimer(for: request) {
            sessionTimer = timer
            headers.append(timer.header(asTransactionSide: .uas))
            if Self.lists("timer", in: request) {
                headers.append(SIPHeaderField(name: SIPHeaderName.require.rawValue, value: "timer"))
            }
        }
        let response = makeResponse(to: request, statusCode: 200, headers: headers)
        return [.sendResponse(response)] + (sessionTimer?.timerActions ?? [])
    }

    /// Ends the call the way its state allows (RFC 3261 §15): BYE when confirmed (after the ACK
    /// of this UA's 2xx), CANCEL for an outgoing call still ringing, 603 for an incoming call
    /// not yet answered.
    public mutating func hangUp() -> [InviteSessionAction] {
        switch state {
        case .terminated, .terminating:
            return []
        case .idle, .early:
            if role == .uac { return cancel() }
            return reject(statusCode: 603)
        case .confirmed:
            if unacknowledged != nil, role == .uas, !isEstablished {
                hangUpAfterACK = true
                return []
            }
            return sendBye(.localHangUp)
        }
    }

    /// Sends a new offer in a re-INVITE or an UPDATE (RFC 3261 §14.1, RFC 3311 §5.1): hold with
    /// `a=sendonly`, resume, another codec or address. The answer comes as
    /// ``InviteSessionEvent/answerReceived(_:)``; a refusal as ``InviteSessionEvent/offerRejected(statusCode:)``.
    public mutating func modify(sdp: SessionDescription, method: SIPMethod = .invite) -> [InviteSessionAction] {
        guard state == .confirmed, method == .invite || method == .update else { return [] }
        guard pendingOutgoing == nil, pendingIncoming == nil, unacknowledged == nil, offerIn2xx == nil else {
            return [.report(.offerRejected(statusCode: 491))]
        }
        localDescription = sdp
        return sendOffer(method: method, description: sdp)
    }

    /// Sends an INFO in the dialog (RFC 6086), e.g. `application/dtmf-relay` digits.
    public mutating func sendInfo(contentType: String, body: [UInt8]) -> [InviteSessionAction] {
        guard state == .confirmed, var dialog else { return [] }
        let info = dialog.makeRequest(method: .info, via: configuration.makeVia(), body: body, contentType: contentType)
        self.dialog = dialog
        return [.sendRequest(info)]
    }

    /// Builds and sends a re-INVITE or UPDATE, with the session timer headers (RFC 4028 §7.4).
    mutating func sendOffer(method: SIPMethod, description: SessionDescription?) -> [InviteSessionAction] {
        guard var dialog else { return [] }
        var headers = capabilityHeaders
        if let sessionTimer {
            headers.append(sessionTimer.header(asTransactionSide: .uac))
            if let minimum = configuration.sessionTimers?.minimumSessionExpires {
                headers.append(SIPHeaderField(name: SIPHeaderName.minSE.rawValue, value: String(minimum)))
            }
        }
        dialog.localTarget = configuration.contact
        let request = dialog.makeRequest(
            method: method, via: configuration.makeVia(), headers: headers,
            body: description.map { Array($0.serialized().utf8) } ?? [],
            contentType: description == nil ? nil : Self.sdpType)
        self.dialog = dialog
        pendingOutgoing = request
        return [.sendRequest(request)]
    }
}
