import Foundation

/// One call of a voice conference, from its INVITE to its end, as a sans-I/O state machine:
/// SEMS `WebConferenceDialog` (spec §6–§8) for dial-ins and dial-outs alike.
///
/// Feed it ``ConferenceCallInput``s one at a time, in the order they happened, with the time;
/// perform the returned ``ConferenceCallAction``s in order. The PIN dialogue (``DialInCall``) and
/// what the participant hears in the room (``ParticipantPrompter``) run inside it.
///
/// The admission is the delicate part: the room directory is asked (``ConferenceCallAction/admit(room:participantID:reason:)``)
/// and answers later, and the media moves only after it. Whatever goes wrong in between, the row
/// the directory made is taken back (``ConferenceCallAction/withdraw(room:)``): when the media
/// cannot move, and when the call ends, is kicked or times out while the answer is on its way.
/// No row is left that nobody is on, and none counts against `max_participants`.
public struct ConferenceCall: Sendable {
    /// Who placed the call.
    public enum Direction: Sendable, Hashable {
        /// A caller dialled the bridge.
        case dialIn
        /// The control API asked the bridge to call someone into a room.
        case dialOut
    }

    /// Who placed the call.
    public let direction: Direction
    /// The tag of the call's room row (kickout, mute, roomInfo).
    public let callTag: String
    /// The remote party's URI, shown as the row's number.
    public let number: String
    /// Where the call stands.
    public private(set) var phase: ConferenceCallPhase
    /// The call's room: a dial-out's from the start, a dial-in's once its media moved there.
    public private(set) var room: String?
    /// Whether the control API muted the participant.
    public private(set) var isMuted = false
    /// When the participant entered the room's mix, and when they left it (spec §12.2).
    public private(set) var connectedAt: Date?
    /// When the participant left the room's mix.
    public private(set) var leftAt: Date?

    /// Whether nothing more can happen to the call: it ended and no answer of the directory is
    /// still due (a late admission must still be withdrawn).
    public var isFinished: Bool { phase == .ended && pendingAdmission == nil }

    /// Whether the participant is in the room's mix (counted for the prompts of the others).
    public private(set) var isInMix = false

    private let selection: RoomSelection?
    private var dialIn: DialInCall
    private var prompter: ParticipantPrompter
    /// The room an admission was asked for and not answered yet.
    private var pendingAdmission: String?
    private var isRinging = false

    private init(
        direction: Direction, callTag: String, number: String, phase: ConferenceCallPhase, room: String?,
        selection: RoomSelection?, dialIn: DialInSettings, prompter: ParticipantPrompterSettings
    ) {
        self.direction = direction
        self.callTag = callTag
        self.number = number
        self.phase = phase
        self.room = room
        self.selection = selection
        self.dialIn = DialInCall(settings: dialIn)
        self.prompter = ParticipantPrompter(settings: prompter)
    }

    /// A caller who dialled the bridge; `selection` is what their INVITE asked for.
    public static func dialIn(
        callTag: String, number: String, selection: RoomSelection, dialIn: DialInSettings,
        prompter: ParticipantPrompterSettings
    ) -> ConferenceCall {
        ConferenceCall(
            direction: .dialIn, callTag: callTag, number: number, phase: .answering, room: nil, selection: selection,
            dialIn: dialIn, prompter: prompter)
    }

    /// A dial-out into `room`, whose row the directory made before the INVITE left (spec §4.5).
    public static func dialOut(
        callTag: String, number: String, room: String, dialIn: DialInSettings, prompter: ParticipantPrompterSettings
    ) -> ConferenceCall {
        ConferenceCall(
            direction: .dialOut, callTag: callTag, number: number, phase: .dialing(room: room), room: room,
            selection: nil, dialIn: dialIn, prompter: prompter)
    }

    /// Handles one input at `now` and returns what the driver must do, in order.
    public mutating func receive(_ input: ConferenceCallInput, at now: Date) -> [ConferenceCallAction] {
        switch input {
        case .mediaReady:
            guard phase == .answering, let selection else { return [] }
            phase = .selectingRoom
            return driveDialIn(.start(selection))
        case .mediaFailed:
            return sendAway(at: now)
        case .progress(let code, let phrase, let hasEarlyMedia):
            return progress(code: code, phrase: phrase, hasEarlyMedia: hasEarlyMedia)
        case .answered(let mediaReady):
            return answered(mediaReady: mediaReady, at: now)
        case .key(let key):
            guard isInDialogue else { return [] }
            return driveDialIn(.digit(key))
        case .promptsFinished:
            guard isInDialogue else { return [] }
            return driveDialIn(.promptsFinished)
        case .timerFired(.interDigit):
            guard isInDialogue else { return [] }
            return driveDialIn(.timerFired(.interDigit))
        case .timerFired(.lonelyUser):
            return drivePrompter(.timerFired(.lonelyUser), at: now)
        case .roomValidated(let isValid):
            guard isInDialogue else { return [] }
            return driveDialIn(.roomValidated(isValid: isValid))
        case .admission(let answer):
            return admission(answer)
        case .mediaMoved(let succeeded):
            return mediaMoved(succeeded: succeeded, at: now)
        case .roomChanged(let event):
            guard isInMix else { return [] }
            return drivePrompter(event, at: now)
        case .kick, .mediaTimedOut:
            return sendAway(at: now)
        case .setMuted(let muted):
            isMuted = muted
            return isInMix ? [.applyMute(muted)] : []
        case .sessionEnded(let reason):
            return end(reason, at: now)
        }
    }

    /// Whether the PIN dialogue is running: a dial-in that has media and is not in the room yet.
    private var isInDialogue: Bool {
        switch phase {
        case .selectingRoom, .admitting: true
        case .answering, .dialing, .ringing, .inRoom, .leaving, .ended: false
        }
    }

    // MARK: - Dial-out

    private mutating func progress(code: Int, phrase: String, hasEarlyMedia: Bool) -> [ConferenceCallAction] {
        guard let room, phase == .dialing(room: room) || phase == .ringing(room: room) else { return [] }
        var actions: [ConferenceCallAction] = [
            .updateRow(room: room, CallLegStatusUpdate(.provisionalResponse(code: code, phrase: phrase)))
        ]
        if code == 180 || code == 183, !isRinging {
            isRinging = true
            phase = .ringing(room: room)
            actions.append(.startRinging(room: room))
        }
        if hasEarlyMedia { actions.append(.startEarlyMedia(room: room)) }
        return actions
    }

    /// The callee answered (spec §8.3): ringing stops, the row turns Connected, the leg joins the mix.
    private mutating func answered(mediaReady: Bool, at now: Date) -> [ConferenceCallAction] {
        guard let room, phase == .dialing(room: room) || phase == .ringing(room: room) else { return [] }
        var actions = stopRinging(answered: true)
        guard mediaReady else { return actions + sendAway(at: now) }
        phase = .inRoom(room: room)
        connectedAt = now
        isInMix = true
        actions.append(.updateRow(room: room, CallLegStatusUpdate(.finalResponse(code: 200, phrase: "OK"))))
        actions.append(.enterMix(room: room))
        if isMuted { actions.append(.applyMute(true)) }
        return actions
    }

    // MARK: - Admission (dial-in)

    private mutating func admission(_ answer: RoomAdmission) -> [ConferenceCallAction] {
        guard let requested = pendingAdmission else { return [] }
        pendingAdmission = nil
        guard phase == .admitting(room: requested) else {
            // The call went while the directory answered: the row it made has nobody on it.
            return answer == .admitted ? [.withdraw(room: requested)] : []
        }
        switch answer {
        case .admitted:
            room = requested
            return [.moveToRoom(requested)]
        case .refused:
            phase = .selectingRoom
            return driveDialIn(.joinResult(succeeded: false))
        case .roomFull:
            phase = .selectingRoom
            return driveDialIn(.roomFull)
        }
    }

    private mutating func mediaMoved(succeeded: Bool, at now: Date) -> [ConferenceCallAction] {
        guard case .admitting(let target) = phase, room == target, pendingAdmission == nil else { return [] }
        guard succeeded else {
            room = nil
            phase = .selectingRoom
            return [.withdraw(room: target)] + driveDialIn(.joinResult(succeeded: false))
        }
        phase = .inRoom(room: target)
        connectedAt = now
        isInMix = true
        var actions = driveDialIn(.joinResult(succeeded: true)) + [.enterMix(room: target)]
        if isMuted { actions.append(.applyMute(true)) }
        return actions
    }

    // MARK: - Leaving

    /// Sends the call away (kickout, lonely, wrong PIN, RTP timeout): it leaves the mix at once,
    /// then BYE, or CANCEL while a dial-out is early (SEMS `onKicked`, spec §8.4).
    private mutating func sendAway(at now: Date) -> [ConferenceCallAction] {
        guard phase != .leaving, phase != .ended else { return [] }
        let actions = leaveRoom(at: now)
        phase = .leaving
        return actions + [.hangUp]
    }

    /// The session is over: the mix, the media, the row and the statistics (spec §8.4, §12.2).
    private mutating func end(_ reason: ConferenceCallEndReason, at now: Date) -> [ConferenceCallAction] {
        guard phase != .ended else { return [] }
        var actions = leaveRoom(at: now)
        if direction == .dialIn { actions += driveDialIn(.callEnded) }
        if case .admitting(let target) = phase, room == target {
            // Admitted, and the media never moved: the row goes.
            actions.append(.withdraw(room: target))
            room = nil
        }
        phase = .ended
        actions.append(.releaseMedia)
        let answered = connectedAt != nil
        var updates: [CallLegStatusUpdate] = []
        if room != nil, direction == .dialOut || answered {
            if case .rejected(let code, let phrase) = reason, !answered {
                updates = [CallLegStatusUpdate(.finalResponse(code: code, phrase: phrase))]
            } else {
                if reason == .remoteHangUp, answered { updates = [CallLegStatusUpdate(.byeReceived)] }
                updates.append(CallLegStatusUpdate(.ended))
            }
        }
        let seconds = connectedAt.flatMap { start in leftAt.map { Int($0.timeIntervalSince(start)) } }
        actions.append(.finish(room: room, rowUpdates: updates, connectedSeconds: seconds))
        return actions
    }

    /// Out of the ringing and out of the mix, once.
    private mutating func leaveRoom(at now: Date) -> [ConferenceCallAction] {
        var actions = stopRinging(answered: false)
        guard isInMix, let room else { return actions }
        isInMix = false
        leftAt = now
        actions += drivePrompter(.leftRoom, at: now)
        actions.append(.leaveMix(room: room))
        return actions
    }

    private mutating func stopRinging(answered: Bool) -> [ConferenceCallAction] {
        guard isRinging, let room else { return [] }
        isRinging = false
        return [.stopRinging(room: room, answered: answered)]
    }

    // MARK: - The inner machines

    private mutating func driveDialIn(_ input: DialInInput) -> [ConferenceCallAction] {
        var actions: [ConferenceCallAction] = []
        for action in dialIn.receive(input) {
            switch action {
            case .play(let prompts): actions.append(.play(prompts))
            case .flushPrompts: actions.append(.flushPrompts)
            case .startTimer(let timer, let delay): actions.append(.startTimer(timer, after: delay))
            case .cancelTimer(let timer): actions.append(.cancelTimer(timer))
            case .validate(let room, let participantID): actions.append(.validate(room: room, participantID: participantID))
            case .join(let room, let participantID, let reason):
                phase = .admitting(room: room)
                pendingAdmission = room
                actions.append(.admit(room: room, participantID: participantID, reason: reason))
            case .hangUp:
                // The caller heard wrong_pin_bye (or room_full): nothing is left to leave but the call.
                guard phase != .leaving, phase != .ended else { continue }
                phase = .leaving
                actions.append(.hangUp)
            }
        }
        return actions
    }

    private mutating func drivePrompter(_ event: ParticipantRoomEvent, at now: Date) -> [ConferenceCallAction] {
        var actions: [ConferenceCallAction] = []
        for action in prompter.receive(event) {
            switch action {
            case .playInFront(let prompt): actions.append(.playInFront(prompt))
            case .loopInFront(let prompt): actions.append(.loopInFront(prompt))
            case .stopPrompts: actions.append(.stopPrompts)
            case .startTimer(let timer, let delay): actions.append(.startTimer(timer, after: delay))
            case .cancelTimer(let timer): actions.append(.cancelTimer(timer))
            case .kick:
                // SEMS's lonely-user timer: the row shows "disconnect", then the call goes.
                if let room { actions.append(.updateRow(room: room, .kicked)) }
                actions += sendAway(at: now)
            }
        }
        return actions
    }
}
