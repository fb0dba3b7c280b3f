/// The live transactions of one side (client or server), found by ``TransactionKey``.
///
/// A plain dictionary: the transaction layer looks up every incoming message here, so the table adds
/// nothing to a hash lookup. It belongs to one event loop (DESIGN.md, "Concurrency budget").
public struct TransactionTable<Transaction>: Sendable where Transaction: Sendable {
    private var transactions: [TransactionKey: Transaction]

    /// Creates an empty table with room for `minimumCapacity` transactions before it grows.
    public init(minimumCapacity: Int = 0) {
        transactions = [:]
        transactions.reserveCapacity(minimumCapacity)
    }

    /// The number of transactions.
    public var count: Int { transactions.count }

    /// Whether the table holds no transaction.
    public var isEmpty: Bool { transactions.isEmpty }

    /// Adds `transaction` under `key`, replacing any transaction stored there.
    public mutating func insert(_ transaction: Transaction, for key: TransactionKey) {
        transactions[key] = transaction
    }

    /// The transaction stored under `key`.
    public func lookup(_ key: TransactionKey) -> Transaction? {
        transactions[key]
    }

    /// Runs `body` on the transaction under `key` in place (no copy of the transaction) and returns
    /// its result, or `nil` when no transaction has that key.
    public mutating func update<Result>(_ key: TransactionKey, _ body: (inout Transaction) -> Result) -> Result? {
        guard let index = transactions.index(forKey: key) else { return nil }
        return body(&transactions.values[index])
    }

    /// Removes and returns the transaction under `key`.
    @discardableResult
    public mutating func remove(_ key: TransactionKey) -> Transaction? {
        transactions.removeValue(forKey: key)
    }
}
