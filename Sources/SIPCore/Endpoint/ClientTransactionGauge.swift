import Synchronization

/// How many client transactions an endpoint has open, readable from any thread, so that a
/// transaction user can refuse new work (503) before it starts more than the endpoint can finish.
final class ClientTransactionGauge: Sendable {
    private let count = Atomic<Int>(0)

    /// The current number of open client transactions.
    var value: Int { count.load(ordering: .relaxed) }

    func opened(_ transactions: Int = 1) { count.add(transactions, ordering: .relaxed) }

    func closed(_ transactions: Int = 1) { count.subtract(transactions, ordering: .relaxed) }
}
