/// What the driver of a ``ConferenceCall`` must do, in order.
///
/// Actions marked *answered* expect an input back: the driver feeds the answer of
/// ``validate(room:participantID:)`` and ``admit(room:participantID:reason:)`` (the room
/// directory's, possibly later) and of ``moveToRoom(_:)`` (its own, at once).
public enum ConferenceCallAction: Sendable, Hashable {
    // MARK: What the caller hears
    /// Queue prompts for the caller (the PIN dialogue); report their end with
    /// ``ConferenceCallInput/promptsFinished``.
    case play([BridgePrompt])
    /// Stop the prompt playing and drop the queue (barge-in).
    case flushPrompts
    /// Play a prompt to this participant only, in front of the room's mix.
    case playInFront(BridgePrompt)
    /// Like ``playInFront(_:)``, repeated until ``stopPrompts``.
    case loopInFront(BridgePrompt)
    /// Stop this participant's prompts: they hear the room again.
    case stopPrompts

    // MARK: Timers
    /// Start (or restart) a timer; report it with ``ConferenceCallInput/timerFired(_:)``.
    case startTimer(BridgeTimer, after: Duration)
    /// Stop a timer; a late expiry is ignored anyway.
    case cancelTimer(BridgeTimer)

    // MARK: The room directory
    /// *Answered*: does `room` exist and, unless `participantID` is empty, carry that invitation?
    case validate(room: String, participantID: String)
    /// *Answered*: give the caller a Connected row in `room` with `reason` (SEMS `newParticipant`).
    case admit(room: String, participantID: String, reason: String)
    /// Take back an admission whose call never reached the room (its media could not move, or it
    /// hung up while the directory was answering): the row goes, so no ghost counts against
    /// `max_participants`.
    case withdraw(room: String)
    /// Record a new status on the call's row.
    case updateRow(room: String, CallLegStatusUpdate)
    /// The call is over: record `rowUpdates` on its row in `room` (if any), and count the call in
    /// the statistics with the seconds it spent in a room (`nil`: never connected).
    case finish(room: String?, rowUpdates: [CallLegStatusUpdate], connectedSeconds: Int?)

    // MARK: Media
    /// *Answered*: move the leg from its own room into `room`'s mix (dial-in).
    case moveToRoom(String)
    /// The participant is now in `room`'s mix: count them, tell the others, and answer with
    /// ``ConferenceCallInput/roomChanged(_:)`` `.entered` and the new count.
    case enterMix(room: String)
    /// Take the participant out of `room`'s mix and tell the others.
    case leaveMix(room: String)
    /// A dial-out rings into `room`: ringback for those in it.
    case startRinging(room: String)
    /// A dial-out stopped ringing: answered, or gone without answering.
    case stopRinging(room: String, answered: Bool)
    /// A dial-out's 18x carried SDP: the room hears the callee's early media.
    case startEarlyMedia(room: String)
    /// Stop or restart feeding the participant's voice into the mix.
    case applyMute(Bool)
    /// Release the call's media: its leg, its own room, its RTP port, its prompts and timers.
    case releaseMedia

    // MARK: SIP
    /// Send BYE, or CANCEL while a dial-out is early (SEMS `onKicked`).
    case hangUp
}
