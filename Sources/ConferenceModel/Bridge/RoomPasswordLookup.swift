/// The answer to `getRoomPassword` (spec §4.8).
public enum RoomPasswordLookup: Sendable, Hashable {
    /// The master password is wrong or none is configured.
    case wrongMasterPassword
    /// No such room.
    case noSuchRoom
    /// The room's admin PIN, possibly `""`.
    case adminPIN(String)
}
