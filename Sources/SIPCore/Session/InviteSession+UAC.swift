extension InviteSession {
    /// Creates the UAC session of a new call and its INVITE (RFC 3261 §13.2.1); send it with
    /// the returned actions.
    ///
    /// - Parameters:
    ///   - to: The callee; its URI is the Request-URI.
    ///   - from: This UA's identity (its tag is set here).
    ///   - offer: The SDP offer, or `nil` for an offerless INVITE: the 2xx then brings the offer
    ///     and ``answer(sdp:)`` puts the answer in the ACK (RFC 3264 §4).
    ///   - credentials: Answers one 401/407 challenge (RFC 3261 §22.2); realm `""` answers any.
    ///   - headers: Further header fields of the INVITE.
    ///   - callID: The Call-ID.
    ///   - localTag: The From tag.
    ///   - configuration: The shared settings.
    public static func outgoing(
        to: SIPNameAddress, from: SIPNameAddress, offer: SessionDescription?, credentials: DigestClient? = nil,
        headers: [SIPHeaderField] = [], callID: String, localTag: String, configuration: InviteSessionConfiguration
    ) -> (session: InviteSession, actions: [InviteSessionAction]) {
        var fromWithTag = from
        fromWithTag.tag = localTag
        var toWithoutTag = to
        toWithoutTag.tag = nil
        let placeholder = SIPMessage(
            request: .invite, uri: to.uri, via: configuration.makeVia(), from: fromWithTag, to: toWithoutTag,
            callID: callID, sequenceNumber: 1)
        var session = InviteSession(role: .uac, invite: placeholder, localTag: localTag, configuration: configuration)
        session.digest = credentials
        session.extraInviteHeaders = headers
        session.localDescription = offer
        session.requestedInterval = configuration.sessionTimers?.sessionExpires
        session.invite = session.makeInitialInvite(sequenceNumber: 1, credentials: [])
        return (session, [.sendRequest(session.invite)])
    }

    /// The initial INVITE with the given CSeq number and credentials (RFC 3261 §13.2.1, §22.2,
    /// RFC 4028 §7.1). Retries keep Call-ID, From tag and To, and take a new branch.
    func makeInitialInvite(sequenceNumber: UInt32, credentials: [SIPHeaderField]) -> SIPMessage {
        var headers = capabilityHeaders
        if let interval = requestedInterval, let timers = configuration.sessionTimers {
            let value = SessionExpires(seconds: interval, refresher: timers.prefersToRefresh ? .uac : nil)
            headers.append(SIPHeaderField(name: SIPHeaderName.sessionExpires.rawValue, value: value.description))
            let minimum = max(requestedMinimum ?? timers.minimumSessionExpires, timers.minimumSessionExpires)
            headers.append(SIPHeaderField(name: SIPHeaderName.minSE.rawValue, value: String(minimum)))
        }
        headers += extraInviteHeaders + credentials
        return SIPMessage(
            request: .invite, uri: invite.requestURI ?? invite.to.uri, via: configuration.makeVia(), from: invite.from,
            to: invite.to, callID: invite.callID, sequenceNumber: sequenceNumber,
            contacts: [SIPNameAddress(uri: configuration.contact)], headers: headers,
            body: localDescription.map { Array($0.serialized().utf8) } ?? [],
            contentType: localDescription == nil ? nil : Self.sdpType)
    }

    /// Cancels the outgoing INVITE (RFC 3261 §9.1): at once if a provisional response came,
    /// else as soon as one does. A 2xx that crosses the CANCEL is acknowledged and ended with BYE.
    public mutating func cancel() -> [InviteSessionAction] {
        guard role == .uac, state == .idle || state == .early, !cancelRequested else { return [] }
        cancelRequested = true
        endReason = .cancelled
        return receivedProvisional ? [.sendRequest(SIPMessage(cancelling: invite))] : []
    }

    /// Takes a response to the initial INVITE (RFC 3261 §13.2.2).
    mutating func receiveInviteResponse(_ response: SIPMessage) -> [InviteSessionAction] {
        guard let statusCode = response.statusCode else { return [] }
        switch statusCode {
        case 100:
            return []
        case 101...199:
            return receiveProvisional(response)
        case 200...299:
            return receiveSuccess(response)
        default:
            return receiveFailure(response)
        }
    }

    private mutating func receiveProvisional(_ response: SIPMessage) -> [InviteSessionAction] {
        guard state == .idle || state == .early, let statusCode = response.statusCode else { return [] }
        var actions: [InviteSessionAction] = []
        if !receivedProvisional, cancelRequested {
            actions.append(.sendRequest(SIPMessage(cancelling: invite)))
        }
        receivedProvisional = true
        if (try? forks.receive(response, to: invite)) != nil, response.to.tag != nil { state = .early }
        let earlyMedia = localDescription == nil ? nil : Self.description(in: response)
        if let earlyMedia { remoteDescription = earlyMedia }
        return actions + [.report(.progress(statusCode: statusCode, earlyMedia: earlyMedia))]
    }

    /// The first 2xx confirms its dialog; a retransmission of it gets the same ACK again; a 2xx
    /// of another fork is acknowledged and ended with BYE (RFC 3261 §13.2.2.4).
    private mutating func receiveSuccess(_ response: SIPMessage) -> [InviteSessionAction] {
        guard let responseID = DialogID(incomingResponse: response) else { return [] }
        if let dialog {
            if responseID == dialog.id { return lastACK.map { [.sendACK($0)] } ?? [] }
            return endLosingFork(response)
        }
        guard (try? forks.receive(response, to: invite)) != nil, var confirmed = forks[responseID] else { return [] }
        peerAllowsUpdate = Self.allowsUpdate(response)
        let description = Self.description(in: response)
        var actions: [InviteSessionAction] = [.cancel(.glareRetry)]
        if localDescription == nil, let offer = description {
            // RFC 3264 §4: the 2xx to an offerless INVITE carries the offer; the ACK waits for the answer.
            dialog = confirmed
            state = .confirmed
            offerIn2xx = response
            remoteDescription = offer
            return [.report(.offerReceived(offer))]
        }
        let ack = confirmed.makeACK(for2xxTo: invite, via: configuration.makeVia())
        confirmed.localTarget = configuration.contact
        dialog = confirmed
        lastACK = ack
        state = .confirmed
        actions.append(.sendACK(ack))
        if let answer = description {
            remoteDescription = answer
            actions.append(.report(.answerReceived(answer)))
        }
        return actions + establishAsUAC(response)
    }

    /// Acknowledges a 2xx that carried the peer's offer with this UA's answer (RFC 3264 §4).
    mutating func acknowledgeOffer(with answer: SessionDescription) -> [InviteSessionAction] {
        guard let response = offerIn2xx, var confirmed = dialog else { return [] }
        offerIn2xx = nil
        localDescription = answer
        let ack = confirmed.makeACK(
            for2xxTo: invite, via: configuration.makeVia(), body: Array(answer.serialized().utf8),
            contentType: Self.sdpType)
        confirmed.localTarget = configuration.contact
        dialog = confirmed
        lastACK = ack
        return [.sendACK(ack)] + establishAsUAC(response)
    }

    /// Reports the call up, arms the session timer the 2xx agreed on, and hangs up at once if
    /// the user cancelled while the 2xx was on its way (RFC 3261 §9.1).
    private mutating func establishAsUAC(_ response: SIPMessage) -> [InviteSessionAction] {
        var actions: [InviteSessionAction] = []
        isEstablished = true
        actions.append(.report(.established))
        sessionTimer = acceptSessionTimer(from: response)
        if let sessionTimer { actions += sessionTimer.timerActions }
        if cancelRequested { actions += sendBye(.cancelled) }
        return actions
    }

    /// ACK and BYE for the 2xx of a fork that lost (RFC 3261 §13.2.2.4).
    private mutating func endLosingFork(_ response: SIPMessage) -> [InviteSessionAction] {
        guard let id = try? forks.receive(response, to: invite), var loser = forks[id] else { return [] }
        let ack = loser.makeACK(for2xxTo: invite, via: configuration.makeVia())
        let bye = loser.makeRequest(method: .bye, via: configuration.makeVia())
        forks[id] = loser
        return [.sendACK(ack), .sendRequest(bye)]
    }

    /// A final non-2xx response: one digest challenge and one 422 (whose Min-SE is at most
    /// ``SessionTimerConfiguration/maximumSessionExpires``) are answered with a new INVITE
    /// (RFC 3261 §22.2, RFC 4028 §7.4); anything else ends the call with the response's reason.
    private mutating func receiveFailure(_ response: SIPMessage) -> [InviteSessionAction] {
        guard state == .idle || state == .early, let statusCode = response.statusCode else { return [] }
        if !cancelRequested {
            if statusCode == 401 || statusCode == 407, let retry = authenticatedRetry(for: response) {
                return retryInvite(retry)
            }
            if statusCode == 422, !hasRetriedInterval, let minimum = SessionExpires.minimum(of: response),
               minimum <= configuration.sessionTimers?.maximumSessionExpires ?? .max {
                hasRetriedInterval = true
                requestedInterval = max(minimum, requestedInterval ?? minimum)
                requestedMinimum = minimum
                let credentials = invite.headers.values(.authorization).map {
                    SIPHeaderField(name: SIPHeaderName.authorization.rawValue, value: $0)
                } + invite.headers.values(.proxyAuthorization).map {
                    SIPHeaderField(name: SIPHeaderName.proxyAuthorization.rawValue, value: $0)
                }
                return retryInvite(makeInitialInvite(sequenceNumber: invite.cseq.sequenceNumber + 1, credentials: credentials))
            }
        }
        if cancelRequested, statusCode == 487 { return finish(.cancelled) }
        return finish(.rejected(statusCode: statusCode, reasonPhrase: response.reasonPhrase ?? ""))
    }

    /// The INVITE again with credentials for the challenge, or `nil` when none can be given.
    private mutating func authenticatedRetry(for response: SIPMessage) -> SIPMessage? {
        guard !hasAnsweredChallenge, var client = digest, let uri = invite.requestURI else { return nil }
        let kind: DigestAuthenticationKind = response.statusCode == 407 ? .proxyToUser : .userToUser
        let challenges = response.headers.values(SIPHeaderName(kind.challengeHeaderName))
        guard let fields = try? client.respond(
            to: challenges, kind: kind, method: SIPMethod.invite.rawValue, uri: uri.description, body: invite.body)
        else { return nil }
        digest = client
        hasAnsweredChallenge = true
        let credentials = fields.map { SIPHeaderField(name: $0.name, value: $0.value) }
        return makeInitialInvite(sequenceNumber: invite.cseq.sequenceNumber + 1, credentials: credentials)
    }

    private mutating func retryInvite(_ retry: SIPMessage) -> [InviteSessionAction] {
        invite = retry
        forks = DialogTable()
        receivedProvisional = false
        state = .idle
        return [.sendRequest(retry)]
    }
}
