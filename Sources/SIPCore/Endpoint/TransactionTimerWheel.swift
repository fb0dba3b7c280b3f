/// The pending transaction timers of one endpoint shard, in a hashed timer wheel (Varghese and
/// Lauck): arming and expiring cost O(1) however many timers are pending.
///
/// An endpoint arms E and F for every non-INVITE request and K when it is answered (RFC 3261
/// §17.1.2.2): at tens of thousands of transactions a second that is over a million pending
/// deadlines (F is 64*T1 = 32 s). One NIO task per timer put each of them in the event loop's
/// heap; here they share slots of `tickNanoseconds` and the driver wakes once per due slot.
///
/// Sans-I/O: the caller passes the time (nanoseconds on a monotonic clock) in, and performs the
/// expired elements itself. A timer never expires before its deadline; it may expire up to one
/// tick after it (plus the driver's wake-up latency).
struct TransactionTimerWheel<Element> {
    private struct Slot {
        let deadlineTick: UInt64
        let element: Element
    }

    private let tickNanoseconds: UInt64
    private var buckets: [[Slot]]
    /// Every tick up to and including this one has been expired.
    private var processedTick: UInt64

    /// The number of elements armed and not yet expired.
    private(set) var count = 0

    /// Creates an empty wheel of `slotCount` slots of `tickNanoseconds`, starting at `now`.
    init(tickNanoseconds: UInt64, slotCount: Int, now: UInt64) {
        precondition(tickNanoseconds > 0 && slotCount > 0)
        self.tickNanoseconds = tickNanoseconds
        buckets = Array(repeating: [], count: slotCount)
        processedTick = now / tickNanoseconds
    }

    /// Arms `element` to expire at `deadline`; a deadline already past expires at the next ``expire(now:)``.
    mutating func insert(_ element: Element, deadline: UInt64) {
        let tick = max((deadline + tickNanoseconds - 1) / tickNanoseconds, processedTick + 1)
        buckets[bucketIndex(tick)].append(Slot(deadlineTick: tick, element: element))
        count += 1
    }

    /// Removes and returns, in deadline order by tick, every element whose deadline is at or before `now`.
    mutating func expire(now: UInt64) -> [Element] {
        let currentTick = now / tickNanoseconds
        guard currentTick > processedTick, count > 0 else {
            processedTick = max(processedTick, currentTick)
            return []
        }
        var due: [Element] = []
        // Past a whole turn every slot has been visited once; later rounds stay in their slots.
        let steps = min(currentTick - processedTick, UInt64(buckets.count))
        for offset in 1...steps {
            let index = bucketIndex(processedTick + offset)
            guard !buckets[index].isEmpty else { continue }
            var bucket: [Slot] = []
            swap(&bucket, &buckets[index])
            for slot in bucket {
                if slot.deadlineTick <= currentTick {
                    due.append(slot.element)
                } else {
                    buckets[index].append(slot)
                }
            }
        }
        processedTick = currentTick
        count -= due.count
        return due
    }

    /// When the driver should next call ``expire(now:)``: the start of the first slot after the
    /// last expiry that holds anything, or `nil` when nothing is armed. That slot may hold only
    /// timers of a later turn, which costs one early wake-up, never a late one.
    var nextWakeUp: UInt64? {
        guard count > 0 else { return nil }
        for offset in 1...UInt64(buckets.count) where !buckets[bucketIndex(processedTick + offset)].isEmpty {
            return (processedTick + offset) * tickNanoseconds
        }
        return nil
    }

    private func bucketIndex(_ tick: UInt64) -> Int {
        Int(tick % UInt64(buckets.count))
    }
}
