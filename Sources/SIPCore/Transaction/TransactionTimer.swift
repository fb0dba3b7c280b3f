/// The timers of RFC 3261 §17 (table 4 in Appendix A) and RFC 6026 §7 (Timers L and M).
///
/// A transaction arms each timer at most once at a time: scheduling a timer that is already armed
/// replaces it, so a driver keeps one pending deadline per timer and transaction.
public enum TransactionTimer: Sendable, Hashable {
    /// INVITE request retransmission over unreliable transports (§17.1.1.2).
    case a
    /// INVITE transaction timeout, 64*T1 (§17.1.1.2).
    case b
    /// Wait time for response retransmissions after a non-2xx final response to INVITE (§17.1.1.2).
    case d
    /// Non-INVITE request retransmission over unreliable transports (§17.1.2.2).
    case e
    /// Non-INVITE transaction timeout, 64*T1 (§17.1.2.2).
    case f
    /// INVITE non-2xx final response retransmission over unreliable transports (§17.2.1).
    case g
    /// Wait time for the ACK of a non-2xx final response, 64*T1 (§17.2.1).
    case h
    /// Wait time for ACK retransmissions in Confirmed (§17.2.1).
    case i
    /// Wait time for non-INVITE request retransmissions in Completed (§17.2.2).
    case j
    /// Wait time for non-INVITE response retransmissions in Completed (§17.1.2.2).
    case k
    /// Wait time in the INVITE server transaction's Accepted state, 64*T1 (RFC 6026 §7.1).
    case l
    /// Wait time in the INVITE client transaction's Accepted state, 64*T1 (RFC 6026 §7.2).
    case m
    /// The 200 ms within which the TU's own response spares the INVITE server transaction its
    /// 100 (Trying) (§17.2.1).
    case trying
}
