/// What a transaction asks its driver to do, in order, after each input (the sans-I/O output).
///
/// A driver performs the actions in the order given: when a transaction both cancels and schedules
/// timers, or sends and then terminates, the order is part of the meaning.
public enum TransactionAction: Sendable {
    /// Hand the message to the transport. A server transaction's responses go where RFC 3261 §18.2.2
    /// says (the top Via's `received`/`rport`/sent-by); a client's requests to the next hop.
    case send(SIPMessage)
    /// Arm `timer` to fire after the delay, replacing it if it is armed already.
    case schedule(TransactionTimer, after: Duration)
    /// Disarm `timer`; cancelling a timer that is not armed does nothing.
    case cancel(TransactionTimer)
    /// Pass the message up to the transaction user: a response (client) or a request or ACK (server).
    case deliver(SIPMessage)
    /// Timer B, F or H fired: the request or the non-2xx final response was never answered.
    /// A client's transaction user treats this as a 408 (Request Timeout) (RFC 3261 §8.1.3.1).
    case timedOut
    /// The transport reported an error sending for this transaction (RFC 3261 §17.1.4, §17.2.4).
    case transportFailed
    /// The transaction has ended: remove it from its table and disarm any timer still pending.
    case terminated
}
