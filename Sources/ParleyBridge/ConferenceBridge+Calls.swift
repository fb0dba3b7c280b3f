import ConferenceModel
import Foundation
import Logging
import MediaMixer
import SIPCore

/// The SIP side of the bridge's calls: answering, re-offers, dial-out progress and the end of a call
/// (spec §6, §8).
extension ConferenceBridge {
    func accept(_ handle: InviteCall) {
        let invite = handle.invite
        let selection = settings.roomSelection.select(
            requestUser: invite.requestURI?.user ?? "",
            appParameters: invite.headers[SIPHeaderName("P-App-Param")],
            participantIDHeaderValue: invite.headers[SIPHeaderName(settings.roomSelection.participantIDHeader)])
        var call = BridgeCall(
            handle: handle, direction: .dialIn, callTag: SIPIdentifiers.tag(), number: invite.from.uri.description, room: nil,
            dialIn: settings.dialIn, prompter: settings.prompter)
        call.selection = selection
        register(call)
        if invite.body.isEmpty { offerLate(handle.id) }
    }

    /// Takes the manager's calls and their events one at a time, in the order they happened: one
    /// consumer, which drains what piled up while it was busy without being woken for each.
    func serveCalls() async {
        for await activity in manager.activity {
            switch activity {
            case .incoming(let handle): accept(handle)
            case .event(let event, let id): await handle(event, call: id)
            }
        }
    }

    func register(_ call: BridgeCall) {
        let id = call.handle.id
        calls[id] = call
        callsByTag[call.callTag] = id
    }

    /// Handles, in order, the events a dial-out reported before ``register(_:)`` (its response
    /// can overtake `placeCall`'s return from the manager), and those that come meanwhile.
    func handleEventsBeforeRegistration(of id: Int) async {
        while let event = eventsBeforeRegistration[id]?.first {
            eventsBeforeRegistration[id]?.removeFirst()
            await handleRegistered(event, call: id)
        }
        eventsBeforeRegistration[id] = nil
    }

    func handle(_ event: InviteSessionEvent, call id: Int) async {
        guard calls[id] != nil, eventsBeforeRegistration[id] == nil else {
            eventsBeforeRegistration[id, default: []].append(event)
            return
        }
        await handleRegistered(event, call: id)
    }

    private func handleRegistered(_ event: InviteSessionEvent, call id: Int) async {
        guard let call = calls[id] else { return }
        switch event {
        case .offerReceived(let offer):
            if call.member == nil, call.direction == .dialIn {
                await answerIncoming(id, offer: offer)
            } else {
                answerReoffer(id, offer: offer)
            }
        case .offerRequested:
            if let port = call.localPort {
                call.handle.answer(sdp: negotiator.makeOffer(
                    local: MediaAddress(host: settings.mediaHost, port: UInt16(port)), sessionID: call.sdpSessionID, sessionVersion: 1))
            }
        case .info(let contentType, let body):
            guard contentType?.lowercased().hasPrefix("application/dtmf-relay") == true,
                  let relay = DTMFRelayBody(String(decoding: body, as: UTF8.self))
            else { return }
            await driveDialIn(id, .digit(relay.digit.character))
        case .progress(let code, let earlyMedia):
            guard call.direction == .dialOut else { return }
            if let earlyMedia { calls[id]?.earlyAnswer = earlyMedia }
            await updateRow(id, CallLegStatusUpdate(.provisionalResponse(code: code, phrase: SIPStatus.reasonPhrase(for: code))))
            if code == 180 || code == 183 { startRinging(id) }
            if let earlyMedia { startEarlyMedia(id, answer: earlyMedia) }
        case .answerReceived(let answer):
            switch call.direction {
            case .dialOut: await connectDialOut(id, answer: answer)
            case .dialIn: await startLateOfferCall(id, answer: answer)
            }
        case .established:
            if call.direction == .dialOut, let answer = call.earlyAnswer { await connectDialOut(id, answer: answer) }
        case .terminated(let reason):
            await end(id, reason: reason)
        case .mediaChanged, .offerRejected:
            break
        }
    }

    /// Answers a new call at once, as SEMS does (spec §6): a leg in a room of its own, then the
    /// PIN dialogue or the direct join.
    func answerIncoming(_ id: Int, offer: SessionDescription) async {
        guard let call = calls[id] else { return }
        let lobby: MediaRoomID
        do {
            lobby = try engine.createRoom(MediaRoomSettings(sampleRate: settings.roomRate, expectedMembers: 1))
        } catch {
            call.handle.reject(statusCode: 500)
            return
        }
        for _ in 0..<8 {
            guard let port = ports.take() else { break }
            let answer: SDPAnswer
            do throws(SDPNegotiationError) {
                answer = try negotiator.makeAnswer(
                    to: offer, local: MediaAddress(host: settings.mediaHost, port: UInt16(port)),
                    sessionID: call.sdpSessionID, sessionVersion: 1)
            } catch {
                ports.release(port)
                engine.removeRoom(lobby)
                call.handle.reject(statusCode: error.sipStatusCode ?? 488)
                return
            }
            let stream = streamSettings(answer.audio, port: port, listensForKeys: true)
            guard let leg = try? engine.addMember(to: lobby, stream: stream) else {
                // Another program holds this port: try the next one.
                ports.release(port)
                continue
            }
            calls[id]?.stream = stream
            calls[id]?.localPort = port
            calls[id]?.member = leg.member
            calls[id]?.engineRoom = lobby
            calls[id]?.lobby = lobby
            callsByMember[leg.member] = id
            call.handle.answer(sdp: answer.description)
            if let selection = call.selection { await driveDialIn(id, .start(selection)) }
            return
        }
        engine.removeRoom(lobby)
        call.handle.reject(statusCode: 503)
    }

    /// An INVITE without SDP (late offer, RFC 3264 §4): the 200 carries the bridge's offer and the
    /// ACK the caller's answer, after which the call starts as any other.
    func offerLate(_ id: Int) {
        guard let call = calls[id] else { return }
        guard let port = ports.take() else {
            call.handle.reject(statusCode: 503)
            return
        }
        let offer = negotiator.makeOffer(
            local: MediaAddress(host: settings.mediaHost, port: UInt16(port)), sessionID: call.sdpSessionID, sessionVersion: 1)
        calls[id]?.offer = offer
        calls[id]?.localPort = port
        call.handle.answer(sdp: offer)
    }

    /// The ACK answered the bridge's late offer: the caller gets a leg in a room of its own and
    /// the PIN dialogue or the direct join begins.
    func startLateOfferCall(_ id: Int, answer: SessionDescription) async {
        guard let call = calls[id], call.member == nil, let offer = call.offer, let port = call.localPort else { return }
        do {
            let audio = try negotiator.acceptAnswer(answer, toOffer: offer)
            let lobby = try engine.createRoom(MediaRoomSettings(sampleRate: settings.roomRate, expectedMembers: 1))
            do {
                let stream = streamSettings(audio, port: port, listensForKeys: true)
                let leg = try engine.addMember(to: lobby, stream: stream)
                calls[id]?.stream = stream
                calls[id]?.member = leg.member
                calls[id]?.engineRoom = lobby
                calls[id]?.lobby = lobby
                callsByMember[leg.member] = id
            } catch {
                engine.removeRoom(lobby)
                throw error
            }
        } catch {
            logger.warning("call \(call.callTag) answered the late offer with unusable media: \(error)")
            sendAway(id)
            return
        }
        if let selection = call.selection { await driveDialIn(id, .start(selection)) }
    }

    /// A re-INVITE or UPDATE (RFC 3264 §8): answered on the same port; a new codec, address or
    /// direction (hold, resume) is applied to the leg, which keeps its place in the room.
    func answerReoffer(_ id: Int, offer: SessionDescription) {
        guard let call = calls[id], let port = call.localPort else { return }
        let answer: SDPAnswer
        do throws(SDPNegotiationError) {
            answer = try negotiator.makeAnswer(
                to: offer, local: MediaAddress(host: settings.mediaHost, port: UInt16(port)), sessionID: call.sdpSessionID, sessionVersion: 1)
        } catch {
            call.handle.reject(statusCode: error.sipStatusCode ?? 488)
            return
        }
        call.handle.answer(sdp: answer.description)
        let stream = streamSettings(answer.audio, port: port, listensForKeys: call.lobby != nil)
        guard let member = call.member, let engineRoom = call.engineRoom, stream != call.stream else { return }
        logger.info("call \(call.callTag) changed its media: \(stream.codec) to \(stream.remoteAddress):\(stream.remotePort), \(answer.audio.direction)")
        engine.updateStream(of: member, in: engineRoom, to: stream)
        calls[id]?.stream = stream
    }

    /// A 183 with SDP (early media, RFC 3261 §13.2.2.1): the room hears the callee's early audio
    /// (an announcement, a remote ringback) instead of the bridge's ringback, as SEMS's
    /// `onEarlySessionStart` arranges (spec §8.3). Only when someone is in the room to hear it.
    func startEarlyMedia(_ id: Int, answer: SessionDescription) {
        guard let call = calls[id], call.member == nil, let room = call.room, var mix = conferences[room],
              !mix.members.isEmpty
        else { return }
        logger.debug("dial-out \(call.callTag) has early media in room \(room)")
        do {
            try attachDialOutLeg(id, answer: answer, room: room)
        } catch {
            logger.warning("dial-out \(call.callTag) sent unusable early media: \(error)")
            return
        }
        if mix.ringing == [id] {
            mix.ringback?.stop()
            mix.ringback = nil
            conferences[room] = mix
        }
    }

    /// Gives a dial-out its leg in the room, on the port its offer named.
    func attachDialOutLeg(_ id: Int, answer: SessionDescription, room: String) throws {
        guard let call = calls[id], let offer = call.offer, let port = call.localPort else { return }
        let audio = try negotiator.acceptAnswer(answer, toOffer: offer)
        let engineRoom = try conferenceRoom(room)
        let stream = streamSettings(audio, port: port, listensForKeys: false)
        let leg = try engine.addMember(to: engineRoom, stream: stream)
        calls[id]?.stream = stream
        calls[id]?.member = leg.member
        calls[id]?.engineRoom = engineRoom
        callsByMember[leg.member] = id
    }

    /// The callee answered a dial-out: its leg joins the room's mix (spec §8.3).
    func connectDialOut(_ id: Int, answer: SessionDescription) async {
        guard let call = calls[id], call.connectedAt == nil, let room = call.room else { return }
        stopRinging(id, answered: true)
        if call.member == nil {
            do {
                try attachDialOutLeg(id, answer: answer, room: room)
            } catch {
                logger.warning("dial-out \(call.callTag) answered with unusable media: \(error)")
                sendAway(id)
                return
            }
        }
        calls[id]?.connectedAt = Date()
        logger.info("dial-out \(call.callTag) to \(call.number) answered into room \(room)")
        await updateRow(id, CallLegStatusUpdate(.finalResponse(code: 200, phrase: "OK")))
        enterMix(id, room: room)
    }

    /// Sends a call away (kickout, room closed, lonely, wrong PIN): BYE, or CANCEL while a
    /// dial-out is early (SEMS `onKicked`, spec §8.4). It leaves the mix at once.
    func sendAway(_ id: Int) {
        guard let call = calls[id] else { return }
        leaveMix(id)
        call.handle.hangUp()
    }

    /// The call is over: its row, its media, its port and the statistics (spec §8.4, §12.2).
    func end(_ id: Int, reason: InviteSessionEndReason) async {
        leaveMix(id)
        guard let call = calls.removeValue(forKey: id) else { return }
        logger.info("call \(call.callTag) with \(call.number) ended: \(reason)")
        callsByTag[call.callTag] = nil
        if let member = call.member, let engineRoom = call.engineRoom {
            engine.removeMember(member, from: engineRoom)
            callsByMember[member] = nil
        }
        if let lobby = call.lobby { engine.removeRoom(lobby) }
        if let port = call.localPort { ports.release(port) }
        // Batches replaced before they ended never report; forget them with the call.
        for token in call.promptTokens { promptOwners[token] = nil }
        let answered = call.connectedAt != nil
        var updates: [CallLegStatusUpdate] = []
        if call.room != nil, call.direction == .dialOut || answered {
            if case .rejected(let code, let phrase) = reason, !answered {
                // The row keeps the failure ("486 Busy Here"), which tells the operator why.
                updates = [CallLegStatusUpdate(.finalResponse(code: code, phrase: phrase))]
            } else {
                if reason == .remoteHangUp, answered { updates = [CallLegStatusUpdate(.byeReceived)] }
                updates.append(CallLegStatusUpdate(.ended))
            }
        }
        let seconds = call.connectedAt.flatMap { start in call.leftAt.map { Int($0.timeIntervalSince(start)) } }
        let room = call.room
        let tag = call.callTag
        // One visit to the registry for the row and the statistics.
        await registry.update { [updates] directory, now in
            if let room {
                for update in updates {
                    directory.updateStatus(room: room, callTag: tag, status: update.status, reason: update.reason, at: now)
                }
            }
            directory.statistics.recordCall(connectedSeconds: seconds)
        }
    }

    func updateRow(_ id: Int, _ update: CallLegStatusUpdate) async {
        guard let call = calls[id], let room = call.room else { return }
        let tag = call.callTag
        await registry.update { directory, now in
            directory.updateStatus(room: room, callTag: tag, status: update.status, reason: update.reason, at: now)
        }
    }

    /// The leg's stream for what offer/answer agreed: the RTP timeout only while the call is not on
    /// hold either way (a held phone may send nothing at all), the mix only while the peer is to
    /// receive, and in-band DTMF detection for a peer without RFC 4733 events while the bridge
    /// `listensForKeys` (the dial-in dialogue; keys are ignored in the conference, spec §7.1).
    func streamSettings(_ audio: NegotiatedAudio, port: Int, listensForKeys: Bool) -> RTPStreamSettings {
        RTPStreamSettings(
            codec: AudioCodecKind(rawValue: audio.codec.rawValue) ?? .pcmu,
            payloadType: Int(audio.payloadType),
            telephoneEventPayloadType: audio.telephoneEvent.map { Int($0.payloadType) },
            localAddress: settings.rtpAddress,
            localPort: port,
            remoteAddress: audio.remote.host,
            remotePort: Int(audio.remote.port),
            adaptiveJitterBuffer: settings.adaptivePlayout,
            mediaTimeout: audio.direction == .sendrecv ? settings.rtpTimeout : nil,
            sendsMedia: audio.direction.sends,
            detectsInBandDTMF: listensForKeys && audio.telephoneEvent == nil)
    }

    /// `Name: value`, as SEMS's `headers` argument gives each extra header of a dial-out.
    static func headerField(_ line: String) -> SIPHeaderField? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }
        return SIPHeaderField(name: name, value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
}
