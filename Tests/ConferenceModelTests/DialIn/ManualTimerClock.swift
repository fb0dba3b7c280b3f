import ConferenceModel

/// A hand-driven clock for the bridge's call machines: it records the timers they start and cancel,
/// and `advance(by:)` returns the timers that expire, earliest first.
struct ManualTimerClock {
    private(set) var now: Duration = .zero
    private var deadlines: [BridgeTimer: Duration] = [:]

    /// The running timers and when they expire.
    var running: [BridgeTimer: Duration] { deadlines }

    mutating func start(_ timer: BridgeTimer, after delay: Duration) {
        deadlines[timer] = now + delay
    }

    mutating func cancel(_ timer: BridgeTimer) {
        deadlines[timer] = nil
    }

    mutating func advance(by step: Duration) -> [BridgeTimer] {
        now += step
        let expired = deadlines.filter { $0.value <= now }.sorted { $0.value < $1.value }.map(\.key)
        for timer in expired { deadlines[timer] = nil }
        return expired
    }
}
