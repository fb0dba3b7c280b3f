/// What the bench's own member of the big room heard: the bridge's packets to it, how evenly they
/// came and whether they carried the talkers' tone.
struct ListenerReport {
    /// RTP packets received.
    let packets: Int
    /// How long the listener listened.
    let elapsed: Duration
    /// Gaps between consecutive packets longer than two packet times (40 ms): each is at least one
    /// tick whose packet came late or not at all.
    let longGaps: Int
    /// The longest gap between consecutive packets.
    let longestGap: Duration
    /// Packets whose decoded 20 ms frame held the talkers' tone (most of its energy at the tone's
    /// frequency, measured with a Goertzel filter).
    let framesWithTone: Int

    /// Packets per second; the bridge's 20 ms clock gives 50.
    var packetsPerSecond: Double { Double(packets) / (elapsed / .seconds(1)) }

    /// The share of the packets that carried the tone.
    var toneShare: Double { packets == 0 ? 0 : Double(framesWithTone) / Double(packets) }

    /// One line for people.
    var summary: String {
        "listener heard \(packets) packets in \(BenchmarkReport.format(elapsed / .seconds(1), fractionDigits: 1)) s "
            + "(\(BenchmarkReport.format(packetsPerSecond, fractionDigits: 1))/s), \(longGaps) gaps over 40 ms, longest "
            + "\(Int((longestGap / .milliseconds(1)).rounded())) ms, tone in \(Int((toneShare * 100).rounded())) % of the frames"
    }
}
