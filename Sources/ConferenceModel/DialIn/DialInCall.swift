/// The dial-in side of one call to the voice bridge, from answer until the caller is in a room or
/// is sent away: SEMS `WebConferenceDialog`'s `onSessionStart`, `onDtmf` and playlist events
/// (spec §7.1, §7.2, §7.5), as a sans-I/O state machine.
///
/// Feed it ``DialInInput``s; perform the returned ``DialInAction``s in order. Once it reaches
/// ``DialInState/inConference(room:participantID:)`` the in-room prompts belong to
/// ``ParticipantPrompter``.
///
/// Room-number entry works as in SEMS: keys `0`–`9` are appended and stop any prompt playing;
/// `*` or `#` ends the entry (both always, SEMS never reads `star_finishes_pin`, spec B14); `A`–`D`
/// are ignored. An empty entry, one too short for `room_pin_split`, or (private mode) an unknown
/// room or participant plays `wrong_pin` and starts over. A good entry is read back digit by digit
/// (the whole entry, room and PIN), then `entering_conference` plays, then the caller joins with
/// reason `"entered"`. Direct access joins at once with reason `"direct access: entered"`.
/// A refused join plays `wrong_pin_bye` and hangs up.
///
/// Deliberate differences from SEMS:
/// - Spec B5 fixed: direct access too short for `room_pin_split` plays `wrong_pin_bye` and hangs up
///   (SEMS leaves the call silent).
/// - Parley's inter-digit timeout and wrong-entry limit (``DialInSettings``).
/// - An empty entry stops a prompt still playing before `wrong_pin`, as every other wrong entry does
///   (SEMS queues `wrong_pin` in front and then resumes the interrupted prompt).
/// - While the directory validates an entry (private mode) keys are ignored; SEMS validates
///   synchronously, so no key can arrive then.
public struct DialInCall: Sendable {
    /// The join reason after a room number was entered by DTMF (spec §7.1).
    public static let enteredReason = "entered"
    /// The join reason for direct room access (spec §7.2).
    public static let directAccessReason = "direct access: entered"

    /// Where the call is.
    public private(set) var state: DialInState = .notStarted
    /// Wrong entries so far (empty, too short, invalid, timed out).
    public private(set) var wrongEntries = 0

    private let settings: DialInSettings
    /// The id from the INVITE (header or `P-App-Param`), used when no split overrides it.
    private var invitedParticipantID = ""
    private var interDigitTimerRunning = false

    /// Creates a call that has not started.
    public init(settings: DialInSettings) {
        self.settings = settings
    }

    /// Handles one input and returns what the driver must do, in order.
    public mutating func receive(_ input: DialInInput) -> [DialInAction] {
        switch (state, input) {
        case (.notStarted, .start(let selection)):
            return start(selection)
        case (.enteringPIN(let entry), .digit(let key)):
            return press(key, entry: entry)
        case (.enteringPIN, .promptsFinished):
            return startInterDigitTimer()
        case (.enteringPIN, .timerFired(.interDigit)) where interDigitTimerRunning:
            interDigitTimerRunning = false
            return rejectEntry()
        case (.validatingEntry(let entry, let room, let participantID), .roomValidated(let isValid)):
            return isValid ? accept(entry: entry, room: room, participantID: participantID) : rejectEntry()
        case (.enteringConference(let room, let participantID), .promptsFinished):
            state = .joining(room: room, participantID: participantID)
            return [.join(room: room, participantID: participantID, reason: Self.enteredReason)]
        case (.joining(let room, let participantID), .joinResult(let succeeded)):
            guard succeeded else { return playErrorAndFinish(.joinRejected) }
            state = .inConference(room: room, participantID: participantID)
            return []
        case (.joining, .roomFull):
            return playErrorAndFinish(.roomFull)
        case (.playErrorFinish(let reason), .promptsFinished):
            state = .ended
            return [.hangUp(reason)]
        case (_, .callEnded):
            state = .ended
            return cancelInterDigitTimer()
        default:
            // Keys outside entry, stale timers, and answers that no longer apply are ignored,
            // as SEMS ignores DTMF outside `EnteringPin`.
            return []
        }
    }

    private mutating func start(_ selection: RoomSelection) -> [DialInAction] {
        switch selection {
        case .askForRoom(let participantID):
            invitedParticipantID = participantID
            state = .enteringPIN(entry: "")
            return [.play([.pinPrompt])]
        case .direct(let room, let participantID):
            state = .joining(room: room, participantID: participantID)
            return [.join(room: room, participantID: participantID, reason: Self.directAccessReason)]
        case .tooShortForSplit:
            return playErrorAndFinish(.directRoomTooShort)
        }
    }

    private mutating func press(_ key: Character, entry: String) -> [DialInAction] {
        if key.isASCII, key.isNumber {
            state = .enteringPIN(entry: entry + String(key))
            return [.flushPrompts] + startInterDigitTimer()
        }
        guard key == "*" || key == "#" else { return [] }
        guard !entry.isEmpty else { return rejectEntry() }

        var room = entry
        var participantID = invitedParticipantID
        if let split = settings.roomPINSplit {
            guard let parts = split.split(entry) else { return rejectEntry() }
            // The PIN after the room overrides any id from the INVITE (spec §7.1).
            (room, participantID) = parts
        }
        guard settings.privateRooms else { return accept(entry: entry, room: room, participantID: participantID) }
        state = .validatingEntry(entry: entry, room: room, participantID: participantID)
        return cancelInterDigitTimer() + [.validate(room: room, participantID: settings.roomPINSplit == nil ? "" : participantID)]
    }

    private mutating func accept(entry: String, room: String, participantID: String) -> [DialInAction] {
        state = .enteringConference(room: room, participantID: participantID)
        // Read back every character of the unsplit entry, room and PIN alike (spec §7.1, B7).
        let readBack = entry.compactMap(\.wholeNumberValue).map(BridgePrompt.digit)
        return cancelInterDigitTimer() + [.flushPrompts, .play(readBack + [.enteringConference])]
    }

    private mutating func rejectEntry() -> [DialInAction] {
        wrongEntries += 1
        if let limit = settings.maximumWrongEntries, wrongEntries >= limit {
            return cancelInterDigitTimer() + [.flushPrompts] + playErrorAndFinish(.tooManyWrongEntries)
        }
        state = .enteringPIN(entry: "")
        return cancelInterDigitTimer() + [.flushPrompts, .play([.wrongPIN])]
    }

    private mutating func playErrorAndFinish(_ reason: DialInEndReason) -> [DialInAction] {
        state = .playErrorFinish(reason)
        return [.play([reason == .roomFull ? .roomFull : .wrongPINBye])]
    }

    private mutating func startInterDigitTimer() -> [DialInAction] {
        guard let timeout = settings.interDigitTimeout else { return [] }
        interDigitTimerRunning = true
        return [.startTimer(.interDigit, after: timeout)]
    }

    private mutating func cancelInterDigitTimer() -> [DialInAction] {
        guard interDigitTimerRunning else { return [] }
        interDigitTimerRunning = false
        return [.cancelTimer(.interDigit)]
    }
}
