extension InviteSession {
    /// Takes a response to a request this session sent, 2xx retransmissions and forks included.
    public mutating func receive(response: SIPMessage) -> [InviteSessionAction] {
        guard let statusCode = response.statusCode else { return [] }
        let method = response.cseq.method
        if method == .invite, role == .uac, response.cseq == invite.cseq {
            return receiveInviteResponse(response)
        }
        if let pending = pendingOutgoing, pending.cseq == response.cseq {
            return receiveOfferResponse(response, to: pending)
        }
        if method == .invite, statusCode >= 200, statusCode < 300, let lastACK,
            lastACK.cseq.sequenceNumber == response.cseq.sequenceNumber
        {
            return [.sendACK(lastACK)]
        }
        switch method {
        case .bye where state == .terminating && statusCode >= 200:
            return finish(endReason ?? .localHangUp)
        case .info where statusCode == 481 || statusCode == 408:
            return finish(.dialogLost(statusCode: statusCode))
        default:
            return []
        }
    }

    /// A request of this session got no response (Timer B or F) or could not be sent: like a 408
    /// (RFC 3261 §8.1.3.1, §12.2.1.2).
    public mutating func requestFailed(_ request: SIPMessage) -> [InviteSessionAction] {
        switch request.method {
        case .bye:
            // Only the session's own BYE ends it; a losing fork's BYE (RFC 3261 §13.2.2.4) does not.
            return state == .terminating ? finish(endReason ?? .localHangUp) : []
        case .cancel, .ack:
            return []
        case .invite where role == .uac && request.cseq == invite.cseq && dialog == nil:
            return finish(.rejected(statusCode: 408, reasonPhrase: "Request Timeout"))
        default:
            if pendingOutgoing?.cseq == request.cseq { pendingOutgoing = nil }
            dialog?.requestTimedOut()
            return finish(.dialogLost(statusCode: 408))
        }
    }

    /// The final response to this UA's re-INVITE or UPDATE (RFC 3261 §14.1, RFC 3311 §5.1).
    private mutating func receiveOfferResponse(_ response: SIPMessage, to request: SIPMessage) -> [InviteSessionAction] {
        guard let statusCode = response.statusCode, statusCode >= 200 else { return [] }
        pendingOutgoing = nil
        let wasRefresh = isRefreshing
        isRefreshing = false
        try? dialog?.receive(response, to: request)
        var actions: [InviteSessionAction] = []
        if (200...299).contains(statusCode) {
            if request.method == .invite, let dialog {
                let ack = dialog.makeACK(for2xxTo: request, via: configuration.makeVia())
                lastACK = ack
                actions.append(.sendACK(ack))
            }
            if let answer = Self.description(in: response) {
                let answersUserOffer = !request.body.isEmpty && !wasRefresh
                actions += answersUserOffer ? [.report(.answerReceived(answer))] : []
                actions += takeRemote(answer)
            }
            if let timer = acceptSessionTimer(from: response) {
                sessionTimer = timer
                actions += timer.timerActions
            } else if sessionTimer != nil, SessionExpires(of: response) == nil {
                // RFC 4028 §7.4: a 2xx without Session-Expires turns the session timer off.
                sessionTimer = nil
                actions += [.cancel(.sessionRefresh), .cancel(.sessionExpiry)]
            }
            return actions
        }
        if wasRefresh, statusCode == 501, configuration.sessionTimers?.treatsNotImplementedAsRefreshed == true,
           let sessionTimer {
            // The peer answered, so the session is alive: the refresh counts (SEMS accept_501_reply).
            return sessionTimer.timerActions
        }
        switch statusCode {
        case 491:
            glareRetry = (request.method, Self.description(in: request))
            return [.schedule(.glareRetry, after: configuration.glareRetryDelay(ownsCallID))]
        case 408, 481:
            return finish(.dialogLost(statusCode: statusCode))
        case 422:
            if let minimum = SessionExpires.minimum(of: response), var timer = sessionTimer,
               minimum <= configuration.sessionTimers?.maximumSessionExpires ?? .max {
                timer.interval = max(timer.interval, minimum)
                sessionTimer = timer
                return sendOffer(method: request.method, description: Self.description(in: request))
            }
            return [.report(.offerRejected(statusCode: statusCode))]
        default:
            return [.report(.offerRejected(statusCode: statusCode))]
        }
    }

    /// Handles a timer this session armed.
    public mutating func timerFired(_ timer: InviteSessionTimer) -> [InviteSessionAction] {
        guard state != .terminated else { return [] }
        switch timer {
        case .answerRetransmission:
            return retransmitAnswer()
        case .answerTimeout:
            return answerTimedOut()
        case .sessionRefresh:
            return refreshSession()
        case .sessionExpiry:
            return state == .confirmed ? sendBye(.sessionExpired) : []
        case .glareRetry:
            guard let retry = glareRetry, state == .confirmed else { return [] }
            glareRetry = nil
            guard pendingOutgoing == nil, pendingIncoming == nil else {
                return [.report(.offerRejected(statusCode: 491))]
            }
            return sendOffer(method: retry.method, description: retry.offer)
        }
    }
}
