import NIOCore

/// A ``TransactionTimerWheel`` run on an event loop by one NIO task for its earliest due slot.
///
/// One NIO task per timer would put each in the loop's heap until its deadline, disarmed or not
/// (`Scheduled.cancel()` scans every pending task on the loop): at hundreds of calls a second
/// that is tens of thousands of 32-second tasks, each insertion sifting through them. Here a
/// timer is a slot entry; its owner disarms it by forgetting it (a generation number) and
/// ignores it when it expires.
///
/// `@unchecked Sendable` is safe here because every method asserts that it runs on `eventLoop`,
/// and the one NIO task it schedules runs there too.
final class LoopTimerWheel<Element>: @unchecked Sendable {
    /// Timer resolution: RFC 3261's shortest timer is T1 (500 ms by default); 5 ms is 1 % of it.
    static var tickNanoseconds: UInt64 { 5_000_000 }
    /// 8 192 ticks of 5 ms, 41 s: one turn holds 64*T1 (Timers B, F, H, L, M at 32 s).
    static var slotCount: Int { 8_192 }

    private let eventLoop: EventLoop
    private var wheel: TransactionTimerWheel<Element>
    /// When the wheel's NIO task is due, if one is scheduled.
    private var wakeUp: UInt64?
    /// Called on the loop with each expired element and the time it was found due.
    var expired: (Element, UInt64) -> Void = { _, _ in }

    /// Creates an empty wheel on `eventLoop`, timed by that loop's clock.
    init(eventLoop: EventLoop) {
        self.eventLoop = eventLoop
        wheel = TransactionTimerWheel(
            tickNanoseconds: Self.tickNanoseconds, slotCount: Self.slotCount, now: eventLoop.now.uptimeNanoseconds)
    }

    /// The loop's own time (`EventLoop.now`) in nanoseconds of `NIODeadline.uptimeNanoseconds`.
    /// It is the clock the wheel's task is scheduled on, so deadlines and wake-ups agree, and NIO's
    /// testing loops (`EmbeddedEventLoop`, `NIOAsyncTestingEventLoop`) move it only when a test says so.
    var now: UInt64 {
        eventLoop.now.uptimeNanoseconds
    }

    /// Arms `element` to expire at `deadline` (nanoseconds on ``now``'s clock), up to one tick late.
    func arm(_ element: Element, deadline: UInt64) {
        eventLoop.assertInEventLoop()
        wheel.insert(element, deadline: deadline)
        wake(by: deadline)
    }

    /// Arms `element` to expire `delay` from now.
    func arm(_ element: Element, after delay: Duration) {
        arm(element, deadline: now + UInt64(max(0, TimeAmount(delay).nanoseconds)))
    }

    /// Forgets every armed element.
    func removeAll() {
        eventLoop.assertInEventLoop()
        wheel = TransactionTimerWheel(tickNanoseconds: Self.tickNanoseconds, slotCount: Self.slotCount, now: now)
    }

    /// Makes sure the wheel's task runs by `deadline`. An earlier task still pending stays
    /// scheduled: when it runs it finds nothing due, which is cheaper than cancelling it.
    private func wake(by deadline: UInt64) {
        if let pending = wakeUp, pending <= deadline { return }
        let tick = Self.tickNanoseconds
        let due = (deadline + tick - 1) / tick * tick
        wakeUp = due
        eventLoop.scheduleTask(deadline: NIODeadline.uptimeNanoseconds(due)) { [weak self] in
            self?.run(scheduledFor: due)
        }
    }

    private func run(scheduledFor due: UInt64) {
        if wakeUp == due { wakeUp = nil }
        let now = self.now
        for element in wheel.expire(now: now) { expired(element, now) }
        if let next = wheel.nextWakeUp { wake(by: next) }
    }
}
