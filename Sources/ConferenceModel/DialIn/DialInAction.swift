/// What the driver of a ``DialInCall`` must do, in order.
public enum DialInAction: Sendable, Hashable {
    /// Queue these prompts for the caller, after anything already queued.
    case play([BridgePrompt])
    /// Stop the prompt that is playing and drop the queue (barge-in: a key stops the prompt).
    case flushPrompts
    /// Start (or restart) a timer; report its expiry with ``DialInInput/timerFired(_:)``.
    case startTimer(BridgeTimer, after: Duration)
    /// Stop a timer started before; a late expiry of it is ignored anyway.
    case cancelTimer(BridgeTimer)
    /// Private mode only: ask the room directory whether `room` exists and, when
    /// `participantID` is not empty, whether some participant row has that id (SEMS
    /// `isValidConference`). Answer with ``DialInInput/roomValidated(isValid:)``.
    case validate(room: String, participantID: String)
    /// Add the caller to `room` (SEMS `newParticipant`), set their row to Connected with `reason`
    /// (`"entered"` or `"direct access: entered"`), connect them to the room's mix, and answer with
    /// ``DialInInput/joinResult(succeeded:)``. From then on ``ParticipantPrompter`` takes over.
    case join(room: String, participantID: String, reason: String)
    /// Send BYE: the caller has heard `wrong_pin_bye`.
    case hangUp(DialInEndReason)
}
