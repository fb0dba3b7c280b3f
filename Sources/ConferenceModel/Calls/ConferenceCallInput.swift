/// Something that happened to one call of a conference, fed to ``ConferenceCall/receive(_:at:)``.
///
/// The driver turns SIP-session events, media events, prompt ends, timer firings and the room
/// directory's answers into these, one at a time and in the order they happened.
public enum ConferenceCallInput: Sendable, Hashable {
    // MARK: SIP session and media
    /// A dial-in's leg runs in a room of its own (answered, or the late offer's ACK arrived):
    /// the PIN dialogue or the direct join begins.
    case mediaReady
    /// A dial-in's media could not be set up (no port, an unusable answer): the call goes.
    case mediaFailed
    /// A provisional response to a dial-out's INVITE; `hasEarlyMedia` when it carried SDP.
    case progress(statusCode: Int, reasonPhrase: String, hasEarlyMedia: Bool)
    /// The callee answered a dial-out; `mediaReady` says whether its leg could join the room.
    case answered(mediaReady: Bool)
    /// A key: RFC 4733, SIP INFO or in-band, as SEMS's `onDtmf` takes them all (spec §7.1).
    case key(Character)
    /// The batch of prompts the PIN dialogue waits for has played out.
    case promptsFinished
    /// The caller sent no RTP for the configured time (spec §8.4).
    case mediaTimedOut
    /// The SIP session is over.
    case sessionEnded(ConferenceCallEndReason)

    // MARK: Timers and the room
    /// A timer started with ``ConferenceCallAction/startTimer(_:after:)`` expired.
    case timerFired(BridgeTimer)
    /// The directory's answer to ``ConferenceCallAction/validate(room:participantID:)``.
    case roomValidated(isValid: Bool)
    /// The directory's answer to ``ConferenceCallAction/admit(room:participantID:reason:)``.
    case admission(RoomAdmission)
    /// The driver's answer to ``ConferenceCallAction/moveToRoom(_:)``: whether the leg left its
    /// own room for the conference's mix.
    case mediaMoved(succeeded: Bool)
    /// The room around this participant changed (someone joined, rang, left), or this participant
    /// entered the mix: what they hear (``ParticipantPrompter``).
    case roomChanged(ParticipantRoomEvent)

    // MARK: Control
    /// The control API sends the call away (kickout, room deleted or timed out).
    case kick
    /// The control API mutes (`true`) or unmutes the participant.
    case setMuted(Bool)
}
