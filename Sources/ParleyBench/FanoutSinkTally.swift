/// The sink's running count of MESSAGE Call-IDs: each first sighting is a delivery, each later
/// one a retransmission.
struct FanoutSinkTally {
    private var seen = Set<UInt64>()
    private(set) var counts = SinkCounts()

    /// Counts one datagram that arrived at `now`; `callIDHash` is `nil` for other requests.
    mutating func record(callIDHash: UInt64?, at now: ContinuousClock.Instant) {
        counts.lastArrival = now
        guard let callIDHash else { return }
        if seen.insert(callIDHash).inserted {
            counts.unique += 1
        } else {
            counts.repeats += 1
        }
    }

    /// Forgets every Call-ID, for the next server.
    mutating func reset() {
        seen.removeAll(keepingCapacity: true)
        counts = SinkCounts()
    }
}
