import ConferenceModel
import Foundation
import Logging
import MediaMixer
import SIPCore

/// The voice bridge: answers calls, runs the PIN dialogue, mixes rooms, places dial-outs, and
/// keeps the room directory told (SEMS `WebConferenceDialog` and `WebConferenceFactory`'s call
/// side, spec §6–§10). The control API reaches it as its ``ConferenceCallControl``.
///
/// One actor owns every call's state; SIP events, media events, prompt ends and timers each
/// arrive as one method call, so the call machines see one input at a time.
actor ConferenceBridge: ConferenceCallControl {
    private let manager: InviteSessionManager
    private let engine: MediaEngine
    private let registry: VoiceRoomRegistry
    private let prompts: PromptLibrary
    private let settings: BridgeSettings
    private let ports: RTPPortPool
    private let negotiator: SDPOfferAnswer
    private let logger: Logger
    private let saveStatistics: @Sendable (CallStatistics) async -> Void
    private let promptEnds: AsyncStream<UInt64>
    private let promptEndContinuation: AsyncStream<UInt64>.Continuation

    private var calls: [Int: BridgeCall] = [:]
    private var callsByTag: [String: Int] = [:]
    private var callsByMember: [MediaMemberID: Int] = [:]
    private var conferences: [String: ConferenceMix] = [:]
    /// Which call each batch of prompts belongs to, and whether its end matters to the PIN dialogue.
    private var promptOwners: [UInt64: (call: Int, reportsEnd: Bool)] = [:]
    private var nextToken: UInt64 = 0
    private var nextTimerGeneration: UInt64 = 0

    init(
        manager: InviteSessionManager, engine: MediaEngine, registry: VoiceRoomRegistry, prompts: PromptLibrary,
        settings: BridgeSettings, logger: Logger, saveStatistics: @escaping @Sendable (CallStatistics) async -> Void
    ) {
        self.manager = manager
        self.engine = engine
        self.registry = registry
        self.prompts = prompts
        self.settings = settings
        self.logger = logger
        self.saveStatistics = saveStatistics
        ports = RTPPortPool(range: settings.rtpPorts)
        negotiator = SDPOfferAnswer(capabilities: AudioCapabilities(codecs: settings.codecs))
        (promptEnds, promptEndContinuation) = AsyncStream.makeStream(of: UInt64.self)
    }

    /// Serves until the incoming calls and the media events end (the manager and engine shut down).
    nonisolated func run() async {
        await withDiscardingTaskGroup { group in
            group.addTask {
                for await call in self.manager.incomingCalls { await self.accept(call) }
            }
            group.addTask {
                for await event in self.engine.events { await self.handle(event) }
            }
            group.addTask {
                for await token in self.promptEnds { await self.promptFinished(token) }
            }
        }
    }

    /// Hangs up every call and waits (up to `timeout`) until they are gone: graceful shutdown.
    func hangUpAll(timeout: Duration = .seconds(3)) async {
        for id in calls.keys { sendAway(id) }
        let deadline = ContinuousClock.now + timeout
        while !calls.isEmpty, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        promptEndContinuation.finish()
    }

    // MARK: - ConferenceCallControl

    func placeCall(_ request: DialOutRequest) async throws {
        guard let port = ports.take() else { throw BridgeError(description: "no free RTP port in \(settings.rtpPorts)") }
        do {
            let offer = negotiator.makeOffer(
                local: MediaAddress(host: settings.mediaHost, port: UInt16(port)), sessionID: UInt64.random(in: 1...UInt64(Int64.max)),
                sessionVersion: 1)
            let to = try SIPNameAddress(parsing: "<\(request.calleeURI)>")
            let from = try SIPNameAddress(parsing: "<\(request.fromURI)>")
            let credentials = request.authUser.isEmpty ? nil : DigestClient(username: request.authUser, password: request.authPassword)
            let headers = request.extraHeaders.compactMap(Self.headerField)
            let handle = try await manager.invite(to: to, from: from, sdp: offer, credentials: credentials, headers: headers)
            var call = BridgeCall(
                handle: handle, direction: .dialOut, callTag: request.callTag, number: request.calleeURI, room: request.room,
                participantID: request.participantID, dialIn: settings.dialIn, prompter: settings.prompter)
            call.offer = offer
            call.localPort = port
            register(call)
        } catch {
            ports.release(port)
            throw error
        }
    }

    func hangUp(callTag: String, room: String) async {
        guard let id = callsByTag[callTag] else { return }
        sendAway(id)
    }

    func setMuted(_ muted: Bool, callTag: String, room: String) async {
        guard let id = callsByTag[callTag] else { return }
        calls[id]?.muted = muted
        if let call = calls[id], call.inMix, let member = call.member, let engineRoom = call.engineRoom {
            engine.setMuted(muted, member: member, in: engineRoom)
        }
    }

    func activeCallCount() async -> Int {
        calls.count
    }

    // MARK: - Calls in

    private func accept(_ handle: InviteCall) {
        let invite = handle.invite
        let selection = settings.roomSelection.select(
            requestUser: invite.requestURI?.user ?? "",
            appParameters: invite.headers[SIPHeaderName("P-App-Param")],
            participantIDHeaderValue: invite.headers[SIPHeaderName(settings.roomSelection.participantIDHeader)])
        var call = BridgeCall(
            handle: handle, direction: .dialIn, callTag: SIPIdentifiers.tag(), number: invite.from.uri.description, room: nil,
            participantID: "", dialIn: settings.dialIn, prompter: settings.prompter)
        call.selection = selection
        register(call)
    }

    private func register(_ call: BridgeCall) {
        let id = call.handle.id
        calls[id] = call
        callsByTag[call.callTag] = id
        let events = call.handle.events
        Task {
            for await event in events { await self.handle(event, call: id) }
        }
    }

    // MARK: - SIP events

    private func handle(_ event: InviteSessionEvent, call id: Int) async {
        guard let call = calls[id] else { return }
        switch event {
        case .offerReceived(let offer):
            if call.member == nil, call.direction == .dialIn {
                await answerIncoming(id, offer: offer)
            } else {
                answerReoffer(id, offer: offer)
            }
        case .offerRequested:
            if call.member == nil, call.direction == .dialIn {
                // A late offer (INVITE without SDP) is not supported yet: 488 (RFC 3261 §21.4.26).
                call.handle.reject(statusCode: 488)
            } else if let port = call.localPort {
                call.handle.answer(sdp: negotiator.makeOffer(
                    local: MediaAddress(host: settings.mediaHost, port: UInt16(port)), sessionID: 1, sessionVersion: 2))
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
        case .answerReceived(let answer):
            if call.direction == .dialOut { await connectDialOut(id, answer: answer) }
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
    private func answerIncoming(_ id: Int, offer: SessionDescription) async {
        guard let call = calls[id] else { return }
        let lobby: MediaRoomID
        do {
            lobby = try engine.createRoom(MediaRoomSettings(sampleRate: settings.roomRate))
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
                    sessionID: UInt64.random(in: 1...UInt64(Int64.max)), sessionVersion: 1)
            } catch {
                ports.release(port)
                engine.removeRoom(lobby)
                call.handle.reject(statusCode: error.sipStatusCode ?? 488)
                return
            }
            guard let leg = try? engine.addMember(to: lobby, stream: streamSettings(answer.audio, port: port)) else {
                // Another program holds this port: try the next one.
                ports.release(port)
                continue
            }
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

    /// A re-INVITE or UPDATE: answered on the same port; the leg keeps following the peer's packets
    /// (symmetric RTP), so a moved peer is heard again without a new leg.
    private func answerReoffer(_ id: Int, offer: SessionDescription) {
        guard let call = calls[id], let port = call.localPort else { return }
        do throws(SDPNegotiationError) {
            let answer = try negotiator.makeAnswer(
                to: offer, local: MediaAddress(host: settings.mediaHost, port: UInt16(port)), sessionID: 1, sessionVersion: 2)
            call.handle.answer(sdp: answer.description)
        } catch {
            call.handle.reject(statusCode: error.sipStatusCode ?? 488)
        }
    }

    /// The callee answered a dial-out: its leg joins the room's mix (spec §8.3).
    private func connectDialOut(_ id: Int, answer: SessionDescription) async {
        guard let call = calls[id], call.member == nil, let offer = call.offer, let port = call.localPort,
              let room = call.room
        else { return }
        stopRinging(id, answered: true)
        do {
            let audio = try negotiator.acceptAnswer(answer, toOffer: offer)
            let engineRoom = try conferenceRoom(room)
            let leg = try engine.addMember(to: engineRoom, stream: streamSettings(audio, port: port))
            calls[id]?.member = leg.member
            calls[id]?.engineRoom = engineRoom
            callsByMember[leg.member] = id
        } catch {
            logger.warning("dial-out \(call.callTag) answered with unusable media: \(error)")
            sendAway(id)
            return
        }
        calls[id]?.connectedAt = Date()
        await updateRow(id, CallLegStatusUpdate(.finalResponse(code: 200, phrase: "OK")))
        enterMix(id, room: room)
    }

    // MARK: - The PIN dialogue

    private func driveDialIn(_ id: Int, _ input: DialInInput) async {
        guard var call = calls[id] else { return }
        let actions = call.dialIn.receive(input)
        calls[id] = call
        for action in actions {
            switch action {
            case .play(let list):
                play(list, to: id, looping: false, reportsEnd: true)
            case .flushPrompts:
                silencePrompts(of: id)
            case .startTimer(let timer, let delay):
                startTimer(timer, after: delay, for: id)
            case .cancelTimer(let timer):
                calls[id]?.timers[timer] = nil
            case .validate(let room, let participantID):
                let isValid = await registry.update { directory, _ in
                    guard let entry = directory.rooms[room] else { return false }
                    return participantID.isEmpty || entry.hasParticipant(participantID: participantID)
                }
                await driveDialIn(id, .roomValidated(isValid: isValid))
            case .join(let room, let participantID, let reason):
                let admitted = await join(id, room: room, participantID: participantID, reason: reason)
                await driveDialIn(id, .joinResult(succeeded: admitted))
            case .hangUp:
                sendAway(id)
            }
        }
    }

    /// SEMS `newParticipant` and `connectConference` (spec §7.1–§7.3): the row, then the mix.
    private func join(_ id: Int, room: String, participantID: String, reason: String) async -> Bool {
        guard let call = calls[id] else { return false }
        let requireInvitation = settings.dialIn.roomPINSplit != nil
        let (tag, number) = (call.callTag, call.number)
        let admitted = await registry.update { directory, now in
            directory.admitCaller(
                room: room, callTag: tag, number: number, participantID: participantID, reason: reason,
                requireInvitation: requireInvitation, at: now)
        }
        guard admitted, let current = calls[id], let member = current.member, let lobby = current.lobby else { return false }
        do {
            let engineRoom = try conferenceRoom(room)
            try engine.moveMember(member, from: lobby, to: engineRoom)
            engine.removeRoom(lobby)
            calls[id]?.engineRoom = engineRoom
            calls[id]?.lobby = nil
        } catch {
            logger.warning("call \(call.callTag) could not join \(room): \(error)")
            return false
        }
        calls[id]?.room = room
        calls[id]?.participantID = participantID
        calls[id]?.connectedAt = Date()
        enterMix(id, room: room)
        return true
    }

    // MARK: - Rooms and what participants hear

    /// The engine room of `room`, made when its first participant arrives.
    private func conferenceRoom(_ room: String) throws -> MediaRoomID {
        if let existing = conferences[room] { return existing.engineRoom }
        let engineRoom = try engine.createRoom(MediaRoomSettings(sampleRate: settings.roomRate))
        conferences[room] = ConferenceMix(engineRoom: engineRoom)
        return engineRoom
    }

    private func enterMix(_ id: Int, room: String) {
        guard var mix = conferences[room], let call = calls[id] else { return }
        mix.members.append(id)
        conferences[room] = mix
        calls[id]?.inMix = true
        if call.muted, let member = call.member { engine.setMuted(true, member: member, in: mix.engineRoom) }
        let count = mix.participantCount
        drivePrompter(id, .entered(participantCount: count))
        for other in mix.members where other != id { drivePrompter(other, .otherJoined(participantCount: count)) }
    }

    /// Takes a call out of its room's mix (SEMS `disconnectConference`), once.
    private func leaveMix(_ id: Int) {
        guard let call = calls[id] else { return }
        stopRinging(id, answered: false)
        guard call.inMix, let room = call.room, var mix = conferences[room] else { return }
        calls[id]?.inMix = false
        calls[id]?.leftAt = Date()
        mix.members.removeAll { $0 == id }
        conferences[room] = mix
        drivePrompter(id, .leftRoom)
        if let member = call.member {
            engine.removeMember(member, from: mix.engineRoom)
            callsByMember[member] = nil
            calls[id]?.member = nil
        }
        let count = mix.participantCount
        for other in mix.members { drivePrompter(other, .otherLeft(participantCount: count)) }
        closeIfEmpty(room)
    }

    private func closeIfEmpty(_ room: String) {
        guard let mix = conferences[room], mix.isEmpty else { return }
        mix.ringback?.stop()
        engine.removeRoom(mix.engineRoom)
        conferences[room] = nil
    }

    /// A dial-out rings: the room hears ringback (spec §8.3) if anyone is there to hear it.
    private func startRinging(_ id: Int) {
        guard let call = calls[id], !call.isRinging, call.member == nil, let room = call.room,
              var mix = conferences[room], !mix.members.isEmpty
        else { return }
        calls[id]?.isRinging = true
        mix.ringing.insert(id)
        if mix.ringback == nil {
            let control = RingbackTone.Switch()
            engine.play(RingbackTone(sampleRate: settings.roomRate, control: control), to: nil, in: mix.engineRoom)
            mix.ringback = control
        }
        conferences[room] = mix
        for other in mix.members { drivePrompter(other, .otherRinging(participantCount: mix.participantCount)) }
    }

    private func stopRinging(_ id: Int, answered: Bool) {
        guard let call = calls[id], call.isRinging, let room = call.room, var mix = conferences[room] else { return }
        calls[id]?.isRinging = false
        mix.ringing.remove(id)
        if mix.ringing.isEmpty {
            mix.ringback?.stop()
            mix.ringback = nil
        }
        conferences[room] = mix
        if !answered {
            for other in mix.members { drivePrompter(other, .otherStoppedRinging(participantCount: mix.participantCount)) }
            closeIfEmpty(room)
        }
    }

    private func drivePrompter(_ id: Int, _ event: ParticipantRoomEvent) {
        guard var call = calls[id] else { return }
        let actions = call.prompter.receive(event)
        calls[id] = call
        for action in actions {
            switch action {
            case .playInFront(let prompt):
                play([prompt], to: id, looping: false, reportsEnd: false)
            case .loopInFront(let prompt):
                play([prompt], to: id, looping: true, reportsEnd: false)
            case .stopPrompts:
                silencePrompts(of: id)
            case .startTimer(let timer, let delay):
                startTimer(timer, after: delay, for: id)
            case .cancelTimer(let timer):
                calls[id]?.timers[timer] = nil
            case .kick:
                Task { await self.kickLonely(id) }
            }
        }
    }

    private func kickLonely(_ id: Int) async {
        await updateRow(id, .kicked)
        sendAway(id)
    }

    // MARK: - Prompts

    /// Plays prompts to one caller, replacing what they hear from the bridge now.
    private func play(_ list: [BridgePrompt], to id: Int, looping: Bool, reportsEnd: Bool) {
        guard let call = calls[id], let member = call.member, let engineRoom = call.engineRoom else { return }
        let token = newToken(for: id, reportsEnd: reportsEnd)
        let rate = settings.roomRate
        var source: (any AudioFrameSource)?
        if looping, let prompt = list.first, let sound = prompts[prompt] {
            source = try? PromptPlayer(sound, sampleRate: rate, looping: true)
        } else {
            let queue = PromptQueue(sampleRate: rate)
            for prompt in list {
                if let sound = prompts[prompt] { try? queue.enqueue(sound) }
            }
            source = queue
        }
        let continuation = promptEndContinuation
        engine.play(
            CallPromptSource(source, sampleRate: rate, token: token) { continuation.yield($0) }, to: member, in: engineRoom)
    }

    /// Barge-in: whatever the caller hears from the bridge stops now.
    private func silencePrompts(of id: Int) {
        guard let call = calls[id], let member = call.member, let engineRoom = call.engineRoom else { return }
        let token = newToken(for: id, reportsEnd: false)
        let continuation = promptEndContinuation
        engine.play(
            CallPromptSource(nil, sampleRate: settings.roomRate, token: token) { continuation.yield($0) }, to: member,
            in: engineRoom)
    }

    private func newToken(for id: Int, reportsEnd: Bool) -> UInt64 {
        nextToken += 1
        promptOwners[nextToken] = (id, reportsEnd)
        calls[id]?.promptToken = nextToken
        return nextToken
    }

    private func promptFinished(_ token: UInt64) async {
        guard let owner = promptOwners.removeValue(forKey: token), owner.reportsEnd,
              calls[owner.call]?.promptToken == token
        else { return }
        await driveDialIn(owner.call, .promptsFinished)
    }

    // MARK: - Media events and timers

    private func handle(_ event: MediaEngineEvent) async {
        guard case .digit(_, let member, let key) = event, let id = callsByMember[member] else { return }
        await driveDialIn(id, .digit(key))
    }

    private func startTimer(_ timer: BridgeTimer, after delay: Duration, for id: Int) {
        nextTimerGeneration += 1
        let generation = nextTimerGeneration
        calls[id]?.timers[timer] = generation
        Task {
            try? await Task.sleep(for: delay)
            await self.timerFired(timer, generation: generation, call: id)
        }
    }

    private func timerFired(_ timer: BridgeTimer, generation: UInt64, call id: Int) async {
        guard calls[id]?.timers[timer] == generation else { return }
        calls[id]?.timers[timer] = nil
        switch timer {
        case .interDigit: await driveDialIn(id, .timerFired(timer))
        case .lonelyUser: drivePrompter(id, .timerFired(timer))
        }
    }

    // MARK: - Ending calls

    /// Sends a call away (kickout, room closed, lonely, wrong PIN): BYE, or CANCEL while a
    /// dial-out is early (SEMS `onKicked`, spec §8.4). It leaves the mix at once.
    private func sendAway(_ id: Int) {
        guard let call = calls[id] else { return }
        calls[id]?.hungUpLocally = true
        leaveMix(id)
        call.handle.hangUp()
    }

    /// The call is over: its row, its media, its port and the statistics (spec §8.4, §12.2).
    private func end(_ id: Int, reason: InviteSessionEndReason) async {
        leaveMix(id)
        guard let call = calls.removeValue(forKey: id) else { return }
        callsByTag[call.callTag] = nil
        if let member = call.member, let engineRoom = call.engineRoom {
            engine.removeMember(member, from: engineRoom)
            callsByMember[member] = nil
        }
        if let lobby = call.lobby { engine.removeRoom(lobby) }
        if let port = call.localPort { ports.release(port) }
        // Batches replaced before they ended never report; forget them with the call.
        promptOwners = promptOwners.filter { $0.value.call != id }
        let answered = call.connectedAt != nil
        if call.room != nil, call.direction == .dialOut || answered {
            if case .rejected(let code, let phrase) = reason, !answered {
                // The row keeps the failure ("486 Busy Here"), which tells the operator why.
                await updateRow(call, CallLegStatusUpdate(.finalResponse(code: code, phrase: phrase)))
            } else {
                if reason == .remoteHangUp, answered { await updateRow(call, CallLegStatusUpdate(.byeReceived)) }
                await updateRow(call, CallLegStatusUpdate(.ended))
            }
        }
        let seconds = call.connectedAt.flatMap { start in call.leftAt.map { Int($0.timeIntervalSince(start)) } }
        let statistics = await registry.update { directory, _ in
            directory.statistics.recordCall(connectedSeconds: seconds)
            return directory.statistics
        }
        if statistics.isDueForSaving { await saveStatistics(statistics) }
    }

    private func updateRow(_ id: Int, _ update: CallLegStatusUpdate) async {
        guard let call = calls[id] else { return }
        await updateRow(call, update)
    }

    private func updateRow(_ call: BridgeCall, _ update: CallLegStatusUpdate) async {
        guard let room = call.room else { return }
        let tag = call.callTag
        // The row's status and the call leg's status carry SEMS's same numbers (spec §9.1).
        guard let status = VoiceParticipant.Status(rawValue: update.status.rawValue) else { return }
        await registry.update { directory, now in
            directory.updateStatus(room: room, callTag: tag, status: status, reason: update.reason, at: now)
        }
    }

    // MARK: - Helpers

    private func streamSettings(_ audio: NegotiatedAudio, port: Int) -> RTPStreamSettings {
        RTPStreamSettings(
            codec: AudioCodecKind(rawValue: audio.codec.rawValue) ?? .pcmu,
            payloadType: Int(audio.payloadType),
            telephoneEventPayloadType: audio.telephoneEvent.map { Int($0.payloadType) },
            localAddress: settings.rtpAddress,
            localPort: port,
            remoteAddress: audio.remote.host,
            remotePort: Int(audio.remote.port))
    }

    /// `Name: value`, as SEMS's `headers` argument gives each extra header of a dial-out.
    private static func headerField(_ line: String) -> SIPHeaderField? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let name = line[..<colon].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return nil }
        return SIPHeaderField(name: name, value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }
}
