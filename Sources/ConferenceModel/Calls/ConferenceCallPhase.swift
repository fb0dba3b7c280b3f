/// Where one call of a conference stands (``ConferenceCall``).
public enum ConferenceCallPhase: Sendable, Hashable {
    /// A dial-in whose media leg is being set up (the answer, or a late offer's ACK).
    case answering
    /// A dial-in caller in the PIN dialogue, alone in a media room of their own.
    case selectingRoom
    /// The room directory was asked to admit the caller to `room`; its answer is pending.
    case admitting(room: String)
    /// A dial-out's INVITE is out and nothing rings yet.
    case dialing(room: String)
    /// A dial-out rings (180/183): the room hears ringback or the callee's early media.
    case ringing(room: String)
    /// In the room's mix.
    case inRoom(room: String)
    /// The bridge sent BYE or CANCEL and waits for the session to end.
    case leaving
    /// The session is over.
    case ended
}
