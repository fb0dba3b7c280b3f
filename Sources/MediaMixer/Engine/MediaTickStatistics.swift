/// What the media clock measured: ticks run, ticks that ended past the next deadline, ticks
/// skipped, and tick durations.
public struct MediaTickStatistics: Sendable, Hashable {
    /// Ticks run since the engine started.
    public var ticks: Int = 0
    /// Ticks that finished after the following tick's deadline, so that the following tick started
    /// late: the figure that must stay 0 for clean audio.
    public var lateTicks: Int = 0
    /// Ticks never run: when the clock falls more than five periods behind (a stalled machine) it
    /// starts a new timeline instead of a burst of catch-up ticks, and the ticks it jumps over are
    /// missed. A late tick is followed by catch-up ticks and misses nothing.
    public var missedTicks: Int = 0
    /// The longest tick, in microseconds.
    public var maximumTickMicroseconds: Int = 0
    /// The 99th percentile of the most recent tick durations (up to ``recentCapacity``), in microseconds.
    public var tickP99Microseconds: Int = 0

    /// How many recent tick durations the percentile is taken over.
    public static let recentCapacity = 4096

    /// Creates empty statistics.
    public init() {}
}
