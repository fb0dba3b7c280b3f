/// A participant row's status as SEMS `webconference` reports it in `roomInfo`, with SEMS's numbers
/// (`ConferenceRoomParticipant::ParticipantStatus`, spec §9.1).
public enum CallLegStatus: Int, Sendable, Hashable, CaseIterable {
    /// Invited with `addParticipant` and not joined yet (also the initial value).
    case disconnected = 0
    /// Dial-out sent, or a provisional response other than 180/183.
    case connecting = 1
    /// Dial-out got 180 or 183.
    case ringing = 2
    /// Answered (dial-out) or entered (dial-in).
    case connected = 3
    /// Leaving: remote BYE, kicked, or the dialog is cancelling or disconnecting.
    case disconnecting = 4
    /// Gone.
    case finished = 5
}
