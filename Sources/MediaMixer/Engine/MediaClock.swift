import Dispatch
import Foundation
import Synchronization

/// The dedicated media clock thread: runs the tick every period at absolute deadlines, and sleeps
/// without any wake-up while there is nothing to tick.
///
/// oRTP's receive side is pull-by-timestamp, so media is driven by this clock and not by socket
/// readiness. Deadlines are absolute (`start + n × period`) so the clock never drifts, whatever
/// each tick costs; a tick that ends after the next deadline is counted as late and the following
/// tick starts at once, so the media timeline stays aligned with real time.
final class MediaClock: Sendable {
    /// Whether there is anything to tick; asked on the clock thread between ticks.
    typealias WorkCheck = @Sendable () -> Bool

    private let period: UInt64
    private let wake = DispatchSemaphore(value: 0)
    private let sleeping = Atomic<Bool>(false)
    private let stopping = Atomic<Bool>(false)
    private let stopped = DispatchSemaphore(value: 0)
    private let recorder = Mutex(TickDurationRecorder())

    /// Starts the clock thread.
    ///
    /// - Parameters:
    ///   - period: The tick period (the packet time, 20 ms).
    ///   - name: The thread's name.
    ///   - realtime: Whether to ask for the real-time FIFO policy (see ``RealtimeScheduling``).
    ///   - hasWork: Whether any room has members or commands are waiting.
    ///   - tick: One tick of media work, run on the clock thread.
    ///   - finish: Run on the clock thread once it stops, to end the media threads.
    init(
        period: Duration,
        name: String,
        realtime: Bool,
        hasWork: @escaping WorkCheck,
        tick: @escaping @Sendable () -> Void,
        finish: @escaping @Sendable () -> Void
    ) {
        let (seconds, attoseconds) = period.components
        self.period = UInt64(seconds) * 1_000_000_000 + UInt64(attoseconds / 1_000_000_000)
        let thread = Thread { [self] in
            if realtime { RealtimeScheduling.promoteCurrentThread() }
            self.loop(hasWork: hasWork, tick: tick)
            finish()
            self.stopped.signal()
        }
        thread.name = name
        thread.qualityOfService = .userInteractive
        thread.start()
    }

    /// Wakes the clock if it sleeps for lack of work; the control path calls this after queueing a command.
    func workArrived() {
        if sleeping.exchange(false, ordering: .acquiringAndReleasing) { wake.signal() }
    }

    /// What the clock measured so far.
    var statistics: MediaTickStatistics {
        // Copy under the lock, sort outside it: the clock thread never waits for a sort.
        let (counters, durations) = recorder.withLock { $0.copy() }
        return TickDurationRecorder.summary(of: counters, durations: durations)
    }

    /// Forgets what was measured so far, e.g. the long ticks of a burst of joins before a measurement.
    func resetStatistics() {
        recorder.withLock { $0 = TickDurationRecorder() }
    }

    /// Stops the clock thread and waits until it (and `finish`) has ended.
    func stop() {
        stopping.store(true, ordering: .releasing)
        wake.signal()
        stopped.wait()
    }

    private func loop(hasWork: WorkCheck, tick: () -> Void) {
        var deadline = MonotonicTime.now()
        while !stopping.load(ordering: .acquiring) {
            if !hasWork() {
                // Idle engines cost nothing: no timer runs until the control path queues work.
                sleeping.store(true, ordering: .releasing)
                if !hasWork() && !stopping.load(ordering: .acquiring) { wake.wait() }
                sleeping.store(false, ordering: .releasing)
                deadline = MonotonicTime.now()
                continue
            }
            let started = MonotonicTime.now()
            tick()
            let ended = MonotonicTime.now()
            deadline &+= period
            let late = ended > deadline
            recorder.withLock { $0.record(nanoseconds: ended &- started, late: late) }
            if ended > deadline &+ 5 &* period {
                // Far behind (a stalled machine): start a new timeline instead of a burst of catch-up
                // ticks, and count the ticks jumped over as missed.
                let missed = Int((ended &- deadline) / period)
                recorder.withLock { $0.recordMissed(missed) }
                deadline = ended
            } else if !late {
                MonotonicTime.sleep(until: deadline)
            }
        }
    }
}
