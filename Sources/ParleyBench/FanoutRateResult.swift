/// One server at one offered rate: what the sink got while SIPp sent and during the grace period.
struct FanoutRateResult {
    /// MESSAGEs per second SIPp offered to the room.
    let rate: Int
    /// MESSAGEs SIPp sent (`rate` × the nominal duration).
    let messages: Int
    /// The nominal sending time in seconds; delivered rates are per second of it.
    let seconds: Double
    /// Members each MESSAGE fans out to (the room minus the sender).
    let recipients: Int
    /// What the sink counted inside the measurement window.
    let sink: SinkCounts
    /// The server's CPU seconds (all its processes) over the window.
    let cpuSeconds: Double
    /// How SIPp's run ended.
    let sipp: SIPpRunOutcome

    /// The highest retransmission share of a run without a storm.
    static let stormThreshold = 0.01
    /// The lowest delivered share of a run that kept up.
    static let deliveryThreshold = 0.99

    /// Fan-out MESSAGEs the server should have sent.
    var offered: Int { messages * recipients }
    /// Offered fan-out per second.
    var offeredPerSecond: Double { Double(offered) / seconds }
    /// Distinct fan-out MESSAGEs delivered per second of sending.
    var deliveredPerSecond: Double { Double(sink.unique) / seconds }
    /// Delivered over offered.
    var deliveredShare: Double { offered == 0 ? 0 : Double(sink.unique) / Double(offered) }
    /// Retransmitted over delivered: how much the server resent because it handled the sink's
    /// `200`s later than Timer E (RFC 3261 §17.1.2.2).
    var retransmissionShare: Double { Double(sink.repeats) / Double(max(sink.unique, 1)) }

    /// Delivered at least 99 % of the offer in time with retransmissions under 1 %: the server
    /// kept up without a retransmission storm.
    var keptUp: Bool {
        deliveredShare >= Self.deliveryThreshold && retransmissionShare < Self.stormThreshold
    }

    /// One line for people.
    var summary: String {
        let failures = sipp.failed.map { ", \($0) of \(messages) MESSAGEs not answered 200 in time" } ?? ""
        return "R=\(rate)/s: offered \(Int(offeredPerSecond.rounded())) fan-out/s, "
            + "delivered \(Int(deliveredPerSecond.rounded()))/s (\(Self.percent(deliveredShare))), "
            + "retransmissions \(sink.repeats) (\(Self.percent(retransmissionShare))), "
            + "CPU \(BenchmarkReport.format(cpuSeconds, fractionDigits: 2)) s"
            + "\(failures)\(keptUp ? "" : " — did not keep up")"
    }

    private static func percent(_ share: Double) -> String {
        "\(BenchmarkReport.format(share * 100, fractionDigits: 1)) %"
    }
}
