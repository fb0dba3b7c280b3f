/// What ``VoiceRoomDirectory/beginDialOut(room:adminPIN:callTag:number:participantID:at:)``
/// decided about a dial-out.
public enum DialOutAdmission: Sendable, Hashable {
    /// The row is listed as Connecting/`"INVITE"`: send the INVITE.
    case admitted
    /// Wrong admin PIN, or no such room in private mode.
    case refused
    /// The room holds ``VoiceRoomPolicy/maximumParticipants`` live calls already.
    case roomFull
}
