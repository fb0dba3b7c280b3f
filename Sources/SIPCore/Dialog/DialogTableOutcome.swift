/// What to do with a request after ``DialogTable/receive(_:)`` has matched it against the dialogs
/// (RFC 3261 §12.2.2).
public enum DialogTableOutcome: Sendable {
    /// The request belongs to the dialog `id` and is in order: pass it to that dialog's session.
    case deliver(DialogID)
    /// Answer the request with `response` and go no further: 481 when no dialog matches or the
    /// dialog has terminated, 500 when it is out of order.
    case respond(SIPMessage)
    /// An ACK that matches no live dialog: absorb it, as an ACK is never answered (RFC 3261 §17.1.1.3).
    case discard
    /// Not for the dialog layer: the request has no To tag (it may create a dialog, RFC 3261
    /// §12.1), or it is a CANCEL, which the server transaction matches to its INVITE (§9.2).
    case outsideDialog
}
