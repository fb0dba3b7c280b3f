/// What ``VoiceRoomDirectory/beginDialOut(room:adminPIN:callTag:number:participantID:at:)`` or
/// ``VoiceRoomDirectory/admitCaller(room:callTag:number:participantID:reason:requireInvitation:at:)``
/// decided about a call.
public enum RoomAdmission: Sendable, Hashable {
    /// The call has its row: a dial-out's Connecting/`"INVITE"` (send the INVITE), a caller's Connected.
    case admitted
    /// Wrong admin PIN, no such room in private mode, or no invitation where one is required.
    case refused
    /// The room holds ``VoiceRoomPolicy/maximumParticipants`` live calls already.
    case roomFull
}
