import ConferenceModel
import MediaMixer
import SIPCore

/// The SIP side of the calls: answering, re-offers, dial-out progress and the end of a call
/// (spec §6, §8). The SDP and media work happens here; what it means for the call goes to its
/// machine as an input.
extension CallCoordinator {
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

    private func accept(_ handle: InviteCall) {
        let invite = handle.invite
        let selection = configuration.roomSelection.select(
            requestUser: invite.requestURI?.user ?? "",
            appParameters: invite.headers[SIPHeaderName("P-App-Param")],
            participantIDHeaderValue: invite.headers[SIPHeaderName(configuration.roomSelection.participantIDHeader)])
        let machine = ConferenceCall.dialIn(
            callTag: SIPIdentifiers.tag(), number: invite.from.uri.description, selection: selection,
            dialIn: configuration.dialIn, prompter: configuration.prompter)
        register(ActiveCall(handle: handle, machine: machine))
        if invite.body.isEmpty { offerLate(handle.id) }
    }

    /// Handles, in order, the events a dial-out reported before it was registered (its response
    /// can overtake `placeCall`'s return from the manager), and those that come meanwhile.
    func handleEventsBeforeRegistration(of id: Int) async {
        while let event = eventsBeforeRegistration[id]?.first {
            eventsBeforeRegistration[id]?.removeFirst()
            await handleRegistered(event, call: id)
        }
        eventsBeforeRegistration[id] = nil
    }

    private func handle(_ event: InviteSessionEvent, call id: Int) async {
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
            if call.member == nil, call.lobby == nil, call.machine.direction == .dialIn, call.machine.phase == .answering {
                await answerIncoming(id, offer: offer)
            } else {
                answerReoffer(id, offer: offer)
            }
        case .offerRequested:
            if let port = call.localPort {
                call.handle.answer(sdp: negotiator.makeOffer(
                    local: MediaAddress(host: configuration.mediaHost, port: UInt16(port)), sessionID: call.sdpSessionID,
                    sessionVersion: 1))
            }
        case .info(let contentType, let body):
            guard contentType?.lowercased().hasPrefix("application/dtmf-relay") == true,
                  let relay = DTMFRelayBody(String(decoding: body, as: UTF8.self))
            else { return }
            await deliver(.key(relay.digit.character), to: id)
        case .progress(let code, let earlyMedia):
            guard call.machine.direction == .dialOut else { return }
            if let earlyMedia { calls[id]?.earlyAnswer = earlyMedia }
            await deliver(
                .progress(statusCode: code, reasonPhrase: SIPStatus.reasonPhrase(for: code), hasEarlyMedia: earlyMedia != nil), to: id)
        case .answerReceived(let answer):
            switch call.machine.direction {
            case .dialOut: await connectDialOut(id, answer: answer)
            case .dialIn: await startLateOfferCall(id, answer: answer)
            }
        case .established:
            if call.machine.direction == .dialOut, let answer = call.earlyAnswer { await connectDialOut(id, answer: answer) }
        case .terminated(let reason):
            await deliver(.sessionEnded(Self.endReason(reason)), to: id)
        case .mediaChanged, .offerRejected:
            break
        }
    }

    private static func endReason(_ reason: InviteSessionEndReason) -> ConferenceCallEndReason {
        switch reason {
        case .localHangUp: .localHangUp
        case .remoteHangUp: .remoteHangUp
        case .cancelled: .cancelled
        case .rejected(let code, let phrase): .rejected(statusCode: code, reasonPhrase: phrase)
        case .acknowledgementTimeout, .sessionExpired, .dialogLost: .lost
        }
    }

    /// Answers a new call at once, as SEMS does (spec §6): a leg in a room of its own, then the
    /// PIN dialogue or the direct join.
    private func answerIncoming(_ id: Int, offer: SessionDescription) async {
        guard let call = calls[id] else { return }
        let lobby: MediaRoomID
        do {
            lobby = try engine.createRoom(MediaRoomSettings(sampleRate: configuration.roomRate, expectedMembers: 1))
        } catch {
            call.handle.reject(statusCode: 500)
            return
        }
        for _ in 0..<8 {
            guard let port = ports.take() else { break }
            let stream: RTPStreamSettings
            let answer: SDPAnswer
            do {
                answer = try negotiator.makeAnswer(
                    to: offer, local: MediaAddress(host: configuration.mediaHost, port: UInt16(port)),
                    sessionID: call.sdpSessionID, sessionVersion: 1)
                stream = try streams.settings(for: answer.audio, localPort: port, listensForKeys: true)
            } catch {
                ports.release(port)
                engine.removeRoom(lobby)
                logger.notice("call \(call.machine.callTag) from \(call.machine.number) refused: \(error)")
                call.handle.reject(statusCode: Self.statusCode(refusing: error))
                return
            }
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
            await deliver(.mediaReady, to: id)
            return
        }
        engine.removeRoom(lobby)
        call.handle.reject(statusCode: 503)
    }

    /// The status an offer that cannot be served is refused with: the negotiator's, else 488.
    private static func statusCode(refusing error: any Error) -> Int {
        (error as? SDPNegotiationError)?.sipStatusCode ?? UnmappableMediaError.statusCode
    }

    /// An INVITE without SDP (late offer, RFC 3264 §4): the 200 carries the bridge's offer and the
    /// ACK the caller's answer, after which the call starts as any other.
    private func offerLate(_ id: Int) {
        guard let call = calls[id] else { return }
        guard let port = ports.take() else {
            call.handle.reject(statusCode: 503)
            return
        }
        let offer = negotiator.makeOffer(
            local: MediaAddress(host: configuration.mediaHost, port: UInt16(port)), sessionID: call.sdpSessionID, sessionVersion: 1)
        calls[id]?.offer = offer
        calls[id]?.localPort = port
        call.handle.answer(sdp: offer)
    }

    /// The ACK answered the bridge's late offer: the caller gets a leg in a room of its own and
    /// the PIN dialogue or the direct join begins.
    private func startLateOfferCall(_ id: Int, answer: SessionDescription) async {
        guard let call = calls[id], call.member == nil, let offer = call.offer, let port = call.localPort else { return }
        do {
            let audio = try negotiator.acceptAnswer(answer, toOffer: offer)
            let stream = try streams.settings(for: audio, localPort: port, listensForKeys: true)
            let lobby = try engine.createRoom(MediaRoomSettings(sampleRate: configuration.roomRate, expectedMembers: 1))
            do {
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
            logger.warning("call \(call.machine.callTag) answered the late offer with unusable media: \(error)")
            await deliver(.mediaFailed, to: id)
            return
        }
        await deliver(.mediaReady, to: id)
    }

    /// A re-INVITE or UPDATE (RFC 3264 §8): answered on the same port; a new codec, address or
    /// direction (hold, resume) is applied to the leg, which keeps its place in the room.
    private func answerReoffer(_ id: Int, offer: SessionDescription) {
        guard let call = calls[id], let port = call.localPort else { return }
        let answer: SDPAnswer
        let stream: RTPStreamSettings
        do {
            answer = try negotiator.makeAnswer(
                to: offer, local: MediaAddress(host: configuration.mediaHost, port: UInt16(port)), sessionID: call.sdpSessionID,
                sessionVersion: 1)
            stream = try streams.settings(for: answer.audio, localPort: port, listensForKeys: call.lobby != nil)
        } catch {
            call.handle.reject(statusCode: Self.statusCode(refusing: error))
            return
        }
        call.handle.answer(sdp: answer.description)
        guard let member = call.member, let engineRoom = call.engineRoom, stream != call.stream else { return }
        logger.info(
            "call \(call.machine.callTag) changed its media: \(stream.codec) to \(stream.remoteAddress):\(stream.remotePort), \(answer.audio.direction)")
        engine.updateStream(of: member, in: engineRoom, to: stream)
        calls[id]?.stream = stream
    }

    /// A 183 with SDP (early media, RFC 3261 §13.2.2.1): the room hears the callee's early audio
    /// (an announcement, a remote ringback) instead of the bridge's ringback, as SEMS's
    /// `onEarlySessionStart` arranges (spec §8.3). Only when someone is in the room to hear it.
    func startEarlyMedia(_ id: Int, room: String) {
        guard let call = calls[id], call.member == nil, let answer = call.earlyAnswer, var mix = conferences[room],
              !mix.members.isEmpty
        else { return }
        logger.debug("dial-out \(call.machine.callTag) has early media in room \(room)")
        do {
            try attachDialOutLeg(id, answer: answer, room: room)
        } catch {
            logger.warning("dial-out \(call.machine.callTag) sent unusable early media: \(error)")
            return
        }
        if mix.ringing == [id] {
            mix.ringback?.stop()
            mix.ringback = nil
            conferences[room] = mix
        }
    }

    /// Gives a dial-out its leg in the room, on the port its offer named.
    private func attachDialOutLeg(_ id: Int, answer: SessionDescription, room: String) throws {
        guard let call = calls[id], let offer = call.offer, let port = call.localPort else { return }
        let audio = try negotiator.acceptAnswer(answer, toOffer: offer)
        let stream = try streams.settings(for: audio, localPort: port, listensForKeys: false)
        let engineRoom = try conferenceRoom(room)
        let leg = try engine.addMember(to: engineRoom, stream: stream)
        calls[id]?.stream = stream
        calls[id]?.member = leg.member
        calls[id]?.engineRoom = engineRoom
        callsByMember[leg.member] = id
    }

    /// The callee answered a dial-out: its leg joins the room's mix (spec §8.3).
    private func connectDialOut(_ id: Int, answer: SessionDescription) async {
        guard let call = calls[id], let room = call.machine.room, !call.machine.isInMix else { return }
        var mediaReady = call.member != nil
        if !mediaReady {
            do {
                try attachDialOutLeg(id, answer: answer, room: room)
                mediaReady = true
            } catch {
                logger.warning("dial-out \(call.machine.callTag) answered with unusable media: \(error)")
            }
        }
        if mediaReady { logger.info("dial-out \(call.machine.callTag) to \(call.machine.number) answered into room \(room)") }
        await deliver(.answered(mediaReady: mediaReady), to: id)
    }
}
