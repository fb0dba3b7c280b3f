/// The answer to a ``ParticipantCommand`` (SEMS `postConfEvent`, spec §4.6).
public enum ParticipantCommandOutcome: Sendable, Hashable {
    /// Recorded; the call control must now act on the call.
    case accepted
    /// The room refused the admin PIN, or does not exist (or was soft-expired).
    case roomRefused
    /// No row of the room has that call tag.
    case noSuchCall
}
