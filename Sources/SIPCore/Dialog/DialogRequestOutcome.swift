/// What to do with a request received within a dialog, as decided by ``Dialog/receive(_:)``
/// (RFC 3261 §12.2.2).
public enum DialogRequestOutcome: Sendable {
    /// The request is in order: pass it to the session or application layer, which answers it.
    case accept
    /// The request must be answered with `response` (500 when out of order, 481 when the
    /// dialog has terminated) and go no further.
    case reject(response: SIPMessage)
    /// An ACK that has no live dialog to belong to: absorb it, since an ACK is never answered
    /// (RFC 3261 §17.1.1.3, §12.2.2).
    case discard
}
