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

    /// The statistics with the percentile computed now (this sorts a copy: for the control path).
    func snapshot() -> MediaTickStatistics {
        var result = statistics
        if filled > 0 {
            let sorted = durations[0..<filled].sorted()
            result.tickP99Microseconds = Int(sorted[min(filled - 1, filled * 99 / 100)])
        }
        return result
    }
}
