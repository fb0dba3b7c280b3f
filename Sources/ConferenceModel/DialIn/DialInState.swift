/// Where a ``DialInCall`` is (SEMS `WebConferenceDialog::WebConferenceState`, with the waits for
/// the room directory made explicit because the directory answers asynchronously).
public enum DialInState: Sendable, Hashable {
    /// Not answered yet (SEMS `None`).
    case notStarted
    /// Collecting the room number (SEMS `EnteringPin`); `entry` holds the keys so far.
    case enteringPIN(entry: String)
    /// Private mode: waiting for the directory to validate an entry.
    case validatingEntry(entry: String, room: String, participantID: String)
    /// Reading the entry back and playing `entering_conference` (SEMS `EnteringConference`).
    case enteringConference(room: String, participantID: String)
    /// Waiting for the directory to accept the join.
    case joining(room: String, participantID: String)
    /// In the room (SEMS `InConference`); in-room prompts belong to ``ParticipantPrompter``.
    case inConference(room: String, participantID: String)
    /// Playing `wrong_pin_bye` before hanging up (SEMS `PlayErrorFinish`).
    case playErrorFinish(DialInEndReason)
    /// Hung up, or the call ended.
    case ended
}
