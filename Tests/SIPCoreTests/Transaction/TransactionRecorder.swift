import SIPCore
import SIPTesting

/// Performs a transaction's actions against a ``MockClock`` the way the NIO driver does, and records
/// what happened when, so tests can compare whole schedules.
struct TransactionRecorder {
    var clock = MockClock<TransactionTimer>()
    /// The instant of every `.send`, with the message.
    private(set) var sent: [(at: Duration, message: SIPMessage)] = []
    /// The instant of every `.deliver`, with the message.
    private(set) var delivered: [(at: Duration, message: SIPMessage)] = []
    private(set) var timedOutAt: Duration?
    private(set) var terminatedAt: Duration?
    private(set) var transportFailures = 0

    /// The instants at which something was sent, in milliseconds.
    var sendTimes: [Int64] { sent.map { Self.milliseconds($0.at) } }
    /// The instants at which something was delivered to the TU, in milliseconds.
    var deliverTimes: [Int64] { delivered.map { Self.milliseconds($0.at) } }
    /// The status codes or methods sent, in order.
    var sentSummaries: [String] { sent.map { Self.summary($0.message) } }

    mutating func apply(_ actions: [TransactionAction]) {
        for action in actions {
            switch action {
            case .send(let message): sent.append((clock.now, message))
            case .schedule(let timer, let delay): clock.schedule(timer, after: delay)
            case .cancel(let timer): clock.cancel(timer)
            case .deliver(let message): delivered.append((clock.now, message))
            case .timedOut: timedOutAt = clock.now
            case .transportFailed: transportFailures += 1
            case .terminated:
                terminatedAt = clock.now
                // The driver removes the transaction, and with it every timer still armed.
                for timer in clock.pendingTimers { clock.cancel(timer) }
            }
        }
    }

    /// Fires every timer due up to `limit`, one at a time, applying what the transaction does with it.
    mutating func run(until limit: Duration, firing: (TransactionTimer) -> [TransactionAction]) {
        while let timer = clock.advanceToNextTimer(notAfter: limit) {
            apply(firing(timer))
        }
    }

    /// A duration in whole milliseconds, exact for every value a transaction schedules.
    static func milliseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }

    static func summary(_ message: SIPMessage) -> String {
        message.statusCode.map(String.init) ?? message.method.rawValue
    }
}
