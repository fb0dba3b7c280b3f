/// What `roomCreate` did (spec §4.1).
public enum VoiceRoomCreation: Sendable, Hashable {
    /// The room is open with this admin PIN (new, or an existing room that had no PIN).
    case created(adminPIN: String)
    /// The room exists and has a PIN: SEMS's `1, "room already opened"`.
    case alreadyOpened
}
