/// What the bridge does with an incoming INVITE once it is answered (spec §6, §7.2).
///
/// A participant id of `""` means the caller gave none, as in SEMS's participant rows.
public enum RoomSelection: Sendable, Hashable {
    /// Ask the caller for the room number by DTMF (``DialInCall``).
    case askForRoom(participantID: String)
    /// Join `room` at once, without reading anything back. With `room_pin_split` the
    /// participant id is the part after the room and overrides any header id.
    case direct(room: String, participantID: String)
    /// Direct access with `room_pin_split` to a string that is not longer than the room part:
    /// the caller cannot be let in (SEMS bug B5: SEMS then leaves the call silent).
    case tooShortForSplit(participantID: String)
}
