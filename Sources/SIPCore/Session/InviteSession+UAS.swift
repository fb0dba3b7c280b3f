extension InviteSession {
    /// Creates the UAS session of an INVITE that arrived outside any dialog (RFC 3261 §13.3).
    ///
    /// The returned actions report the offer, if the INVITE has one, or reject the INVITE at once:
    /// 400 without Contact (RFC 3261 §8.1.1.8), 422 with this UA's Min-SE when its Session-Expires
    /// is too small (RFC 4028 §8.1).
    ///
    /// - Parameters:
    ///   - invite: The INVITE as received.
    ///   - localTag: The To tag of every response (RFC 3261 §8.2.6.2).
    ///   - configuration: The shared settings.
    public static func incoming(
        _ invite: SIPMessage, localTag: String, configuration: InviteSessionConfiguration
    ) -> (session: InviteSession, actions: [InviteSessionAction]) {
        var session = InviteSession(role: .uas, invite: invite, localTag: localTag, configuration: configuration)
        session.peerAllowsUpdate = allowsUpdate(invite)
        if invite.contacts.isEmpty {
            return (session, session.rejectInitial(statusCode: 400, reasonPhrase: "Missing Contact"))
        }
        if let timers = configuration.sessionTimers, let requested = SessionExpires(of: invite),
            requested.seconds < timers.minimumSessionExpires
        {
            let minSE = SIPHeaderField(name: SIPHeaderName.minSE.rawValue, value: String(timers.minimumSessionExpires))
            return (session, session.rejectInitial(statusCode: 422, headers: [minSE]))
        }
        session.pendingIncoming = invite
        guard let offer = description(in: invite) else { return (session, []) }
        session.pendingIncomingHasOffer = true
        session.remoteDescription = offer
        return (session, [.report(.offerReceived(offer))])
    }

    /// Sends 180 (Ringing), or 183 (Session Progress) with early media when `earlyMedia` is the
    /// answer to the INVITE's offer (RFC 3261 §13.3.1.1, RFC 3264 §4). Creates the early dialog.
    public mutating func ring(earlyMedia: SessionDescription? = nil) -> [InviteSessionAction] {
        guard role == .uas, state == .idle || state == .early, let request = pendingIncoming, request.to.tag == nil
        else { return [] }
        let response = makeResponse(
            to: request, statusCode: earlyMedia == nil ? 180 : 183, description: earlyMedia)
        if dialog == nil { dialog = try? Dialog(uasRequest: request, response: response) }
        if let earlyMedia { localDescription = earlyMedia }
        state = .early
        return [.sendResponse(response)]
    }

    /// Answers what waits for an answer:
    /// - the initial INVITE (UAS): 200 with `sdp`, the answer to its offer or this UA's offer when
    ///   it had none (then the ACK brings the answer, RFC 3264 §4);
    /// - a re-INVITE or UPDATE from the peer: 200 with `sdp` (RFC 3261 §14.2, RFC 3311 §5.2);
    /// - a 2xx carrying the peer's offer to this UA's offerless INVITE: the ACK with `sdp`.
    /// The 2xx to an INVITE is retransmitted until its ACK (RFC 3261 §13.3.1.4).
    public mutating func answer(sdp: SessionDescription) -> [InviteSessionAction] {
        if offerIn2xx != nil { return acknowledgeOffer(with: sdp) }
        guard let request = pendingIncoming, state != .terminated, state != .terminating else { return [] }
        pendingIncoming = nil
        let hadOffer = pendingIncomingHasOffer
        localDescription = sdp
        var headers = capabilityHeaders
        let isInitial = request.to.tag == nil
        if let timer = negotiateSessionTimer(for: request) {
            sessionTimer = timer
            headers.append(timer.header(asTransactionSide: .uas))
            if Self.lists("timer", in: request) {
                headers.append(SIPHeaderField(name: SIPHeaderName.require.rawValue, value: "timer"))
            }
        }
        let response = makeResponse(to: request, statusCode: 200, headers: headers, description: sdp)
        var actions: [InviteSessionAction] = [.sendResponse(response)]
        if isInitial {
            if dialog == nil { dialog = try? Dialog(uasRequest: request, response: response) }
            dialog?.send(response, to: request)
            state = .confirmed
        }
        if let sessionTimer { actions += sessionTimer.timerActions }
        if request.method == .invite {
            unacknowledged = response
            expectsAnswerInACK = !hadOffer
            retransmissionInterval = configuration.transactions.t1
            actions += [
                .schedule(.answerRetransmission, after: retransmissionInterval),
                .schedule(.answerTimeout, after: configuration.transactions.transactionTimeout),
            ]
        }
        return actions
    }

    /// Turns down the initial INVITE (UAS) or the peer's pending re-INVITE or UPDATE; the latter
    /// leaves the session as it was (RFC 3261 §14.2). 488 is the usual answer to an offer this UA
    /// cannot take, 486/603 to a call.
    public mutating func reject(statusCode: Int, reasonPhrase: String? = nil) -> [InviteSessionAction] {
        guard let request = pendingIncoming, (300...699).contains(statusCode) else { return [] }
        pendingIncoming = nil
        if request.to.tag == nil {
            return rejectInitial(statusCode: statusCode, reasonPhrase: reasonPhrase)
        }
        return [.sendResponse(makeResponse(to: request, statusCode: statusCode, reasonPhrase: reasonPhrase))]
    }

    /// Sends the final non-2xx response to the initial INVITE and ends the session (RFC 3261 §13.3.1.3).
    mutating func rejectInitial(
        statusCode: Int, reasonPhrase: String? = nil, headers: [SIPHeaderField] = []
    ) -> [InviteSessionAction] {
        let response = makeResponse(to: invite, statusCode: statusCode, reasonPhrase: reasonPhrase, headers: headers)
        pendingIncoming = nil
        return [.sendResponse(response)]
            + finish(.rejected(statusCode: statusCode, reasonPhrase: response.reasonPhrase ?? ""))
    }

    /// Takes the ACK of this UA's 2xx (RFC 3261 §13.3.1.4): retransmissions stop, an answer in it
    /// is taken, a waiting hang-up goes out.
    mutating func receiveACK(_ ack: SIPMessage) -> [InviteSessionAction] {
        guard let response = unacknowledged, ack.cseq.sequenceNumber == response.cseq.sequenceNumber else { return [] }
        unacknowledged = nil
        var actions: [InviteSessionAction] = [.cancel(.answerRetransmission), .cancel(.answerTimeout)]
        if expectsAnswerInACK, let answer = Self.description(in: ack) {
            expectsAnswerInACK = false
            let isFirst = remoteDescription == nil
            actions += isFirst ? [.report(.answerReceived(answer))] : []
            if isFirst { remoteDescription = answer } else { actions += takeRemote(answer) }
        }
        if !isEstablished {
            isEstablished = true
            actions.append(.report(.established))
        }
        if hangUpAfterACK { actions += sendBye(.localHangUp) }
        return actions
    }

    /// Retransmits the unacknowledged 2xx, doubling the interval up to T2 (RFC 3261 §13.3.1.4).
    mutating func retransmitAnswer() -> [InviteSessionAction] {
        guard let response = unacknowledged else { return [] }
        retransmissionInterval = configuration.transactions.nextCappedInterval(after: retransmissionInterval)
        return [.sendResponse(response), .schedule(.answerRetransmission, after: retransmissionInterval)]
    }

    /// 64·T1 without the ACK: the dialog is confirmed but the session ends with BYE (RFC 3261 §13.3.1.4).
    mutating func answerTimedOut() -> [InviteSessionAction] {
        guard unacknowledged != nil else { return [] }
        unacknowledged = nil
        return [.cancel(.answerRetransmission)] + sendBye(.acknowledgementTimeout)
    }
}
