/// Why ``DialInCall`` hangs up on a caller, always after a polite prompt: `wrong_pin_bye`, or
/// `room_full` for a full room.
public enum DialInEndReason: Sendable, Hashable {
    /// The caller made ``DialInSettings/maximumWrongEntries`` wrong or timed-out entries
    /// (Parley addition; SEMS has no limit, spec B13).
    case tooManyWrongEntries
    /// The room directory refused the join (private mode: room gone, or participant not invited).
    case joinRejected
    /// Direct access with `room_pin_split` to a string no longer than the room part (spec B5, fixed:
    /// SEMS leaves such a call silent until the caller hangs up).
    case directRoomTooShort
    /// The room holds its maximum number of participants (Parley addition, `max_participants`).
    case roomFull
}
