/// The state of a call's SIP dialog after a response, in SEMS's terms
/// (`AmBasicSipDialog::Status`), which SEMS maps to a ``VoiceParticipant/Status`` (spec §8.3).
public enum CallLegDialogState: Sendable, Hashable {
    /// INVITE sent, nothing back yet.
    case trying
    /// A provisional response without a dialog.
    case proceeding
    /// An early dialog (provisional response with a To tag).
    case early
    /// Answered and acknowledged.
    case connected
    /// A CANCEL was sent and the INVITE is not finished.
    case cancelling
    /// A BYE was sent and not answered yet.
    case disconnecting
    /// The dialog is over.
    case disconnected
}
