/// All the rates one server was measured at, and what they add up to.
struct FanoutServerSummary {
    /// `kamailio` or `parley`.
    let name: String
    /// One result per offered rate, lowest first.
    let results: [FanoutRateResult]

    /// The highest delivered fan-out rate among the runs that kept up (no storm, ≥ 99 % in time).
    var peakPerSecond: Double {
        results.filter(\.keptUp).map(\.deliveredPerSecond).max() ?? 0
    }

    /// The highest offered MESSAGE rate the server kept up with.
    var kneeRate: Int {
        results.filter(\.keptUp).map(\.rate).max() ?? 0
    }

    /// The largest retransmission share of any run: under 1 % past the knee means the server
    /// pushed back (answered the sender late or with an error) instead of storming.
    var maximumRetransmissionShare: Double {
        results.map(\.retransmissionShare).max() ?? 0
    }
}
