/// The session interval two UAs agreed on and who refreshes (RFC 4028 §7.2, §9).
struct NegotiatedSessionTimer: Sendable, Hashable {
    /// The session interval in seconds.
    var interval: Int
    /// Whether this UA sends the refreshes; otherwise it watches for them.
    var localRefreshes: Bool

    /// RFC 4028 §10: the refresher refreshes at half the interval.
    var refreshDelay: Duration { .milliseconds(interval * 500) }

    /// RFC 4028 §10: the other side sends BYE at SE − min(32, SE/3) without a refresh.
    var expiryDelay: Duration { .seconds(interval - min(32, interval / 3)) }

    /// RFC 4028 §10: a refresher whose refresh (sent at half the interval) gets no usable answer
    /// sends BYE when the other side would, SE − min(32, SE/3) after the last refresh.
    var unansweredRefreshDelay: Duration { expiryDelay - refreshDelay }

    /// Arms the timer this UA runs for the interval, disarming the other.
    var timerActions: [InviteSessionAction] {
        localRefreshes
            ? [.cancel(.sessionExpiry), .schedule(.sessionRefresh, after: refreshDelay)]
            : [.cancel(.sessionRefresh), .schedule(.sessionExpiry, after: expiryDelay)]
    }

    /// The Session-Expires of a message this UA sends as the `role` side of its transaction.
    func header(asTransactionSide side: SessionExpires.Refresher) -> SIPHeaderField {
        let other: SessionExpires.Refresher = side == .uac ? .uas : .uac
        let value = SessionExpires(seconds: interval, refresher: localRefreshes ? side : other)
        return SIPHeaderField(name: SIPHeaderName.sessionExpires.rawValue, value: value.description)
    }
}
