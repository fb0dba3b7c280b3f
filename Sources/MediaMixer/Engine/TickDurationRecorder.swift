/// Keeps the most recent tick durations in a fixed ring, so recording one never allocates.
struct TickDurationRecorder {
    private var durations: [UInt32]
    private var next = 0
    private var filled = 0
    private(set) var statistics = MediaTickStatistics()

    init() {
        durations = [UInt32](repeating: 0, count: MediaTickStatistics.recentCapacity)
    }

    /// Records one tick of `nanoseconds`, late when it ran past the next deadline.
    mutating func record(nanoseconds: UInt64, late: Bool) {
        let microseconds = UInt32(clamping: nanoseconds / 1_000)
        durations[next] = microseconds
        next = (next + 1) % durations.count
        filled = min(filled + 1, durations.count)
        statistics.ticks += 1
        if late { statistics.lateTicks += 1 }
        statistics.maximumTickMicroseconds = max(statistics.maximumTickMicroseconds, Int(microseconds))
    }

    /// Records `count` ticks the clock jumped over when it started a new timeline.
    mutating func recordMissed(_ count: Int) {
        statistics.missedTicks += count
    }

    /// The counters and a fresh copy of the recent durations, taken under the lock; the copy owns
    /// its own storage, so the clock thread's next write does not copy the ring.
    func copy() -> (statistics: MediaTickStatistics, durations: [UInt32]) {
        (statistics, Array(durations[0..<filled]))
    }

    /// The statistics with the percentile of `durations` filled in; for the control path, outside the lock.
    static func summary(of statistics: MediaTickStatistics, durations: [UInt32]) -> MediaTickStatistics {
        var result = statistics
        if !durations.isEmpty {
            let sorted = durations.sorted()
            result.tickP99Microseconds = Int(sorted[min(sorted.count - 1, sorted.count * 99 / 100)])
        }
        return result
    }
}
