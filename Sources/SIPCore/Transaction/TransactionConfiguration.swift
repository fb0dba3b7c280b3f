/// The timer values of RFC 3261 §17.1.1.1 and Appendix A from which every transaction timer derives.
public struct TransactionConfiguration: Sendable, Hashable {
    /// The round-trip time estimate: 500 ms by default (§17.1.1.1).
    public var t1: Duration
    /// The longest retransmit interval for non-INVITE requests and INVITE responses: 4 s by default.
    public var t2: Duration
    /// The longest time a message stays in the network: 5 s by default.
    public var t4: Duration

    /// Creates a configuration; the defaults are RFC 3261's recommended values.
    public init(t1: Duration = .milliseconds(500), t2: Duration = .seconds(4), t4: Duration = .seconds(5)) {
        self.t1 = t1
        self.t2 = t2
        self.t4 = t4
    }

    /// 64*T1: Timers B, F, H and J (RFC 3261 §17) and L and M (RFC 6026 §7), 32 s by default.
    public var transactionTimeout: Duration { t1 * 64 }

    /// Timer D over an unreliable transport: RFC 3261 §17.1.1.2 asks for at least 32 s, long enough to
    /// absorb every retransmission of the final response a server sends until its Timer H (64*T1)
    /// fires, so a larger T1 stretches it too.
    public var timerD: Duration { max(.seconds(32), transactionTimeout) }

    /// The interval after `interval` in a doubling retransmission schedule capped at T2 (Timers E and G,
    /// RFC 3261 §17.1.2.2 and §17.2.1: "MIN(2*T1, T2)", then doubling, but never beyond T2).
    func nextCappedInterval(after interval: Duration) -> Duration {
        min(interval * 2, t2)
    }
}
