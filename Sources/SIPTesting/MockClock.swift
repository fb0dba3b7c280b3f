/// A virtual clock for driving sans-I/O state machines in tests: it holds named timers with
/// deadlines and moves time only when told, so RFC 3261 timer schedules can be checked exactly.
///
/// Like a driver, it keeps one deadline per timer name: scheduling an armed timer replaces it.
/// Timers due at the same instant fire in the order they were scheduled.
public struct MockClock<Timer: Hashable & Sendable>: Sendable {
    private struct Entry: Sendable {
        var timer: Timer
        var deadline: Duration
        var order: Int
    }

    /// The time elapsed since the clock was created.
    public private(set) var now: Duration = .zero
    private var entries: [Entry] = []
    private var nextOrder = 0

    /// Creates a clock at time zero with no timers.
    public init() {}

    /// Arms `timer` to fire `delay` after ``now``, replacing it if it is armed already.
    public mutating func schedule(_ timer: Timer, after delay: Duration) {
        cancel(timer)
        entries.append(Entry(timer: timer, deadline: now + delay, order: nextOrder))
        nextOrder += 1
    }

    /// Disarms `timer`; nothing happens if it is not armed.
    public mutating func cancel(_ timer: Timer) {
        entries.removeAll { $0.timer == timer }
    }

    /// The deadline of `timer` if it is armed.
    public func deadline(of timer: Timer) -> Duration? {
        entries.first { $0.timer == timer }?.deadline
    }

    /// Every armed timer, earliest first.
    public var pendingTimers: [Timer] {
        entries.sorted(by: Self.firesEarlier).map(\.timer)
    }

    /// Moves to the deadline of the earliest armed timer and returns it (disarmed) if that deadline is
    /// no later than `limit`; otherwise moves to `limit` and returns `nil`. Firing one timer at a time
    /// lets a test apply each timer's consequences, which may arm new timers, before the next fires.
    public mutating func advanceToNextTimer(notAfter limit: Duration) -> Timer? {
        guard let next = entries.min(by: Self.firesEarlier), next.deadline <= limit else {
            now = max(now, limit)
            return nil
        }
        entries.removeAll { $0.order == next.order }
        now = max(now, next.deadline)
        return next.timer
    }

    /// Moves time forward by `interval` and returns, in firing order, the timers that came due.
    public mutating func advance(by interval: Duration) -> [Timer] {
        let limit = now + interval
        var fired: [Timer] = []
        while let timer = advanceToNextTimer(notAfter: limit) { fired.append(timer) }
        return fired
    }

    private static func firesEarlier(_ lhs: Entry, _ rhs: Entry) -> Bool {
        (lhs.deadline, lhs.order) < (rhs.deadline, rhs.order)
    }
}
