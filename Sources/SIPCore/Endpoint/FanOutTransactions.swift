import NIOCore

/// The open client transactions of one endpoint shard's fan-out copies: non-INVITE transactions
/// over UDP (RFC 3261 §17.1.2) that nobody awaits, found by the 64-bit identifier in their branch.
///
/// Sans-I/O: the driver passes the time (nanoseconds on a monotonic clock) in, sends what it is
/// told to and arms one timer per transaction at a time, at the deadline it is given. That one
/// timer is Timer E (retransmit at T1, doubling up to T2, at T2 once a provisional response came)
/// cut short by Timer F (64*T1), so a transaction never has two timers in flight.
///
/// A final response ends the transaction at once. Completed's only job over UDP is to absorb
/// retransmitted final responses until Timer K (§17.1.2.2); a response to a fan-out branch that
/// is no longer here is dropped all the same (``receive(_:statusCode:)`` says `.unknown`), so
/// nothing is kept for the five seconds of Timer K.
struct FanOutTransactions {
    /// What a response did.
    enum ResponseOutcome: Equatable {
        /// A 1xx: the transaction is in Proceeding.
        case provisional
        /// A final response: the transaction is over.
        case final
        /// No open transaction has this identifier (already answered, timed out, or never ours).
        case unknown
    }

    /// What a timer did.
    enum TimerOutcome {
        /// Send `request` to `destination` again and arm the next timer at `nextDeadline`.
        case retransmit(request: ByteBuffer, destination: SocketAddress, nextDeadline: UInt64)
        /// Timer F: no final response within 64*T1; the transaction is over.
        case timedOut
        /// The transaction ended before this timer was due: nothing to do.
        case stale
    }

    private struct Transaction {
        let request: ByteBuffer
        let destination: SocketAddress
        /// When Timer F fires.
        let timeoutDeadline: UInt64
        /// When the armed timer is due.
        var timerDeadline: UInt64
        /// How long after it fires the next one is due, unless the transaction is in Proceeding.
        var interval: UInt64
        var proceeding = false
    }

    private let t1: UInt64
    private let t2: UInt64
    private let timeout: UInt64
    private var open: [UInt64: Transaction] = [:]

    /// An empty table timing with `configuration`'s T1 and T2.
    init(configuration: TransactionConfiguration) {
        t1 = Self.nanoseconds(configuration.t1)
        t2 = Self.nanoseconds(configuration.t2)
        timeout = Self.nanoseconds(configuration.transactionTimeout)
    }

    /// The number of open transactions.
    var count: Int { open.count }

    /// Whether `identifier` is taken by an open transaction.
    func contains(_ identifier: UInt64) -> Bool {
        open[identifier] != nil
    }

    /// Opens the transaction of a copy the driver sends now; returns when its timer is due.
    mutating func start(_ identifier: UInt64, request: ByteBuffer, destination: SocketAddress, now: UInt64) -> UInt64 {
        let deadline = now + t1
        open[identifier] = Transaction(
            request: request, destination: destination, timeoutDeadline: now + timeout, timerDeadline: deadline, interval: t1)
        return deadline
    }

    /// A response with `statusCode` whose branch carries `identifier`.
    mutating func receive(_ identifier: UInt64, statusCode: Int) -> ResponseOutcome {
        if statusCode >= 200 {
            return open.removeValue(forKey: identifier) == nil ? .unknown : .final
        }
        guard let index = open.index(forKey: identifier) else { return .unknown }
        open.values[index].proceeding = true
        return .provisional
    }

    /// The timer armed for `identifier` fired at `now`.
    mutating func timerFired(_ identifier: UInt64, now: UInt64) -> TimerOutcome {
        guard let index = open.index(forKey: identifier), open.values[index].timerDeadline <= now else { return .stale }
        let transaction = open.values[index]
        guard now < transaction.timeoutDeadline else {
            open.remove(at: index)
            return .timedOut
        }
        // Timer E: in Trying the interval doubles up to T2; in Proceeding it is T2 (§17.1.2.2).
        let interval = transaction.proceeding ? t2 : min(transaction.interval * 2, t2)
        let next = min(now + interval, transaction.timeoutDeadline)
        open.values[index].interval = interval
        open.values[index].timerDeadline = next
        return .retransmit(request: transaction.request, destination: transaction.destination, nextDeadline: next)
    }

    /// Ends every transaction (at shutdown) and returns how many were open.
    mutating func removeAll() -> Int {
        defer { open = [:] }
        return open.count
    }

    private static func nanoseconds(_ duration: Duration) -> UInt64 {
        UInt64(max(0, TimeAmount(duration).nanoseconds))
    }
}
