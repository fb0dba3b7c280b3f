/// What the fan-out sink had received at one moment; the difference of two is one measurement.
struct SinkCounts: Sendable {
    /// MESSAGEs with a Call-ID not seen before: delivered fan-out.
    var unique = 0
    /// MESSAGEs whose Call-ID was seen before: retransmissions (RFC 3261 §17.1.2.2, Timer E).
    var repeats = 0
    /// When the last datagram of any kind arrived.
    var lastArrival: ContinuousClock.Instant?

    /// The MESSAGEs counted since `earlier`.
    func since(_ earlier: SinkCounts) -> SinkCounts {
        SinkCounts(unique: unique - earlier.unique, repeats: repeats - earlier.repeats, lastArrival: lastArrival)
    }
}
