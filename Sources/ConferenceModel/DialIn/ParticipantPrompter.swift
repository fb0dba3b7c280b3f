/// What one participant hears about their room, and when they are sent away for being alone:
/// SEMS `WebConferenceDialog::process` for `ConfNewParticipant` / `ConfParticipantLeft` and timer 50
/// (spec §7.4), as a sans-I/O state machine.
///
/// As in SEMS:
/// - Entering an empty room plays `first_participant` (looped with `loop_first_participant_prompt`)
///   and starts the `lonely_user_timer`. Entering a room with others plays nothing to the joiner.
/// - Someone joining plays the join sound to everyone already there, stops the first-participant
///   loop and the lonely timer.
/// - Someone leaving plays the drop sound; being left alone starts the lonely timer again (the loop
///   does not restart).
/// - The lonely timer kicks the participant with reason `"disconnect"`.
///
/// Differences from SEMS (spec B27): SEMS joins a dial-out callee to the mix when it starts ringing
/// and again when it answers, so the room hears the join beep twice, and the callee hears a beep (or
/// `first_participant`) at answer. Parley beeps **once, at answer**: only then has someone actually
/// joined, and a callee who is busy or declines never joined at all, so neither the ringing nor its
/// end beeps. While a dial-out rings the lonely participant is no longer alone (they hear the
/// ringback), so the loop and the lonely timer stop as in SEMS. The answering callee is treated as a
/// joiner (``ParticipantRoomEvent/entered(participantCount:)``): `first_participant` if alone, else
/// nothing. The first-participant loop is stopped only when it runs (SEMS flushes the playlist on
/// every join in loop mode, cutting off any beep that is playing).
public struct ParticipantPrompter: Sendable {
    /// Whether this participant is alone in the room.
    public private(set) var isAlone = false
    /// Whether the first-participant prompt is looping.
    public private(set) var isLooping = false
    /// Whether this participant has left or was kicked; later events are ignored.
    public private(set) var hasLeft = false

    private let settings: ParticipantPrompterSettings
    private var lonelyTimerRunning = false

    /// The reason a lonely participant is kicked with (spec §7.4, §8.4).
    public static let lonelyKickReason = CallLegStatusUpdate.kicked.reason

    /// Creates a prompter for a participant who has not entered yet.
    public init(settings: ParticipantPrompterSettings) {
        self.settings = settings
    }

    /// Handles one event and returns what the driver must do, in order.
    public mutating func receive(_ event: ParticipantRoomEvent) -> [ParticipantPrompterAction] {
        guard !hasLeft else { return [] }
        switch event {
        case .entered(let count):
            guard count <= 1 else { return [] }
            let prompt: ParticipantPrompterAction = settings.loopFirstParticipantPrompt
                ? .loopInFront(.firstParticipant) : .playInFront(.firstParticipant)
            isLooping = settings.loopFirstParticipantPrompt
            return [prompt] + becomeAlone()
        case .otherJoined(let count):
            return stopBeingAlone(count: count) + [.playInFront(.joinSound)]
        case .otherRinging(let count):
            return stopBeingAlone(count: count)
        case .otherLeft(let count):
            return [.playInFront(.dropSound)] + (count <= 1 ? becomeAlone() : [])
        case .otherStoppedRinging(let count):
            return count <= 1 ? becomeAlone() : []
        case .timerFired(.lonelyUser) where lonelyTimerRunning && isAlone:
            lonelyTimerRunning = false
            hasLeft = true
            return [.kick(reason: Self.lonelyKickReason)]
        case .timerFired:
            return []
        case .leftRoom:
            hasLeft = true
            isLooping = false
            return cancelLonelyTimer()
        }
    }

    private mutating func becomeAlone() -> [ParticipantPrompterAction] {
        isAlone = true
        guard let timeout = settings.lonelyUserTimeout else { return [] }
        lonelyTimerRunning = true
        return [.startTimer(.lonelyUser, after: timeout)]
    }

    private mutating func stopBeingAlone(count: Int) -> [ParticipantPrompterAction] {
        guard count > 1 else { return [] }
        isAlone = false
        var actions = cancelLonelyTimer()
        if isLooping {
            isLooping = false
            actions.append(.stopPrompts)
        }
        return actions
    }

    private mutating func cancelLonelyTimer() -> [ParticipantPrompterAction] {
        guard lonelyTimerRunning else { return [] }
        lonelyTimerRunning = false
        return [.cancelTimer(.lonelyUser)]
    }
}
