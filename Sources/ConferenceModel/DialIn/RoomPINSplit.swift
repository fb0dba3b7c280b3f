/// SEMS's `room_pin_split=n`: an entered or dialled string is a room name (its first `n`
/// characters) followed by the caller's participant PIN, which becomes their participant id
/// (spec §7.1, §7.5).
public struct RoomPINSplit: Sendable, Hashable {
    /// How many leading characters name the room.
    public let roomLength: Int

    /// Creates a split after `roomLength` characters (SEMS accepts any number ≥ 0).
    public init(roomLength: Int) {
        self.roomLength = max(0, roomLength)
    }

    /// Splits `entry` into the room and the participant id, or returns `nil` when the entry is not
    /// longer than the room part: SEMS treats that as a wrong entry (`length <= room_pin_split`).
    public func split(_ entry: String) -> (room: String, participantID: String)? {
        guard entry.count > roomLength else { return nil }
        let boundary = entry.index(entry.startIndex, offsetBy: roomLength)
        return (String(entry[..<boundary]), String(entry[boundary...]))
    }
}
