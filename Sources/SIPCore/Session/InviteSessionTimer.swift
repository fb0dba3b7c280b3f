/// The timers an INVITE session arms beside those of its transactions.
public enum InviteSessionTimer: Sendable, Hashable {
    /// Retransmit the unacknowledged 2xx: T1, doubling up to T2 (RFC 3261 §13.3.1.4).
    case answerRetransmission
    /// 64·T1 without the ACK of the 2xx: end the session with a BYE (RFC 3261 §13.3.1.4).
    case answerTimeout
    /// Send the session refresh, at half the session interval (RFC 4028 §10).
    case sessionRefresh
    /// No refresh came: send BYE, at SE − min(32, SE/3) (RFC 4028 §10).
    case sessionExpiry
    /// Send the re-INVITE or UPDATE that met glare again (RFC 3261 §14.1).
    case glareRetry
}
