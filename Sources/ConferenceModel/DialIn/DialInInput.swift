/// Something that happened to a dial-in call, fed to ``DialInCall/receive(_:)``.
public enum DialInInput: Sendable, Hashable {
    /// The call is answered and media runs: begin with what the INVITE asked for (spec §6).
    case start(RoomSelection)
    /// A key the caller pressed: `0`–`9`, `*`, `#`, `A`–`D`. RFC 4733 events, SIP INFO and in-band
    /// detection all arrive here the same way, as in SEMS's `onDtmf`.
    case digit(Character)
    /// Everything queued with ``DialInAction/play(_:)`` has been played out (SEMS's playlist
    /// separator and `noAudio` events). Not sent after ``DialInAction/flushPrompts``.
    case promptsFinished
    /// A timer started with ``DialInAction/startTimer(_:after:)`` expired.
    case timerFired(BridgeTimer)
    /// The room directory's answer to ``DialInAction/validate(room:participantID:)``.
    case roomValidated(isValid: Bool)
    /// The room directory's answer to ``DialInAction/join(room:participantID:reason:)``.
    case joinResult(succeeded: Bool)
    /// The room directory refused the join because the room is full (`max_participants`).
    case roomFull
    /// The call is over for another reason (remote BYE, RTP or session timeout): stop.
    case callEnded
}
