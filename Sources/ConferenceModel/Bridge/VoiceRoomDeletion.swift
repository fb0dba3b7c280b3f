/// What `roomDelete` did (spec §4.3, bug B1 fixed).
public enum VoiceRoomDeletion: Sendable, Hashable {
    /// The room is gone; the calls with these tags must be hung up.
    case deleted(callTags: [String])
    /// The room exists but the PIN is wrong.
    case wrongAdminPIN
    /// No such room.
    case noSuchRoom
}
