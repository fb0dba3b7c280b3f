/// Something that happened to a participant's call, to be shown in its room row
/// (``CallLegStatusUpdate/init(_:)``; spec §7.1, §7.2, §8.3, §8.4).
public enum CallLegEvent: Sendable, Hashable {
    /// A dial-out INVITE went out (SEMS `dialout`).
    case inviteSent
    /// A provisional response to the dial-out INVITE.
    case provisionalResponse(code: Int, phrase: String)
    /// The final response to the dial-out INVITE (including a 487 after a CANCEL).
    case finalResponse(code: Int, phrase: String)
    /// Any other response the dialog receives (to BYE, re-INVITE, UPDATE), with the dialog's state
    /// after it: SEMS maps every reply through the dialog state (`onSipReply`).
    case inDialogResponse(code: Int, phrase: String, dialogState: CallLegDialogState)
    /// A dial-in caller entered the room after typing its number.
    case entered
    /// A dial-in caller entered the room by direct access.
    case enteredDirectly
    /// The remote side sent BYE while in the room (SEMS `onBye`).
    case byeReceived
    /// The bridge sent the caller away: kickout, room deletion, room timeout, lonely timer
    /// (SEMS `onKicked`).
    case kicked
    /// The call is gone (SEMS `~WebConferenceDialog`).
    case ended
}
