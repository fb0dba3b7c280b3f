import Dispatch
import Foundation

/// The media threads, and the hand-off that runs one phase of a tick on all of them at once.
///
/// The media clock calls ``run(_:)`` once per phase; every thread runs the phase body with its own
/// index, and ``run(_:)`` returns when all have finished, which makes it the barrier between phases
/// (the next phase may read what any thread wrote in the previous one). Spreading a phase's jobs
/// over every thread is how one big room uses both cores: its encode-and-send work alone can exceed
/// one core's share of a 20 ms tick.
final class MediaThreadGroup: @unchecked Sendable {
    // @unchecked Sendable: `phase` is written only by the clock thread before it signals `starts`
    // and read by a media thread only after it waited on its start semaphore; semaphores order those
    // accesses (signal happens-before the matching wait returns). `stopping` is handled the same way.
    /// The number of media threads.
    let count: Int

    private let starts: [DispatchSemaphore]
    private let finished = DispatchSemaphore(value: 0)
    private var phase: TickPhase = .commands
    private var stopping = false
    private let body: @Sendable (TickPhase, Int) -> Void

    /// Starts `count` media threads that run `body(phase, threadIndex)` for each phase they are given,
    /// under the real-time FIFO policy when `realtime` is set and the process may use it.
    init(count: Int, name: String, realtime: Bool, body: @escaping @Sendable (TickPhase, Int) -> Void) {
        precondition(count > 0, "at least one media thread")
        self.count = count
        self.body = body
        starts = (0..<count).map { _ in DispatchSemaphore(value: 0) }
        for index in 0..<count {
            let thread = Thread { [self] in
                if realtime { RealtimeScheduling.promoteCurrentThread() }
                self.loop(index)
            }
            thread.name = "\(name)-\(index)"
            thread.qualityOfService = .userInteractive
            thread.start()
        }
    }

    /// Runs `phase` on every media thread and returns when all of them are done.
    func run(_ phase: TickPhase) {
        self.phase = phase
        for start in starts { start.signal() }
        for _ in 0..<count { finished.wait() }
    }

    /// Ends the media threads once they finish the phase they are in; call from the clock thread.
    func stop() {
        stopping = true
        for start in starts { start.signal() }
        for _ in 0..<count { finished.wait() }
    }

    private func loop(_ index: Int) {
        while true {
            starts[index].wait()
            if stopping {
                finished.signal()
                return
            }
            body(phase, index)
            finished.signal()
        }
    }
}
