/// The live transactions of one side (client or server), found by ``TransactionKey``.
///
/// A plain dictionary: the transaction layer looks up every incoming message here, so the table adds
/// nothing to a hash lookup. It belongs to one event loop (DESIGN.md, "Concurrency budget").
public struct TransactionTable<Transaction>: Sendable where Transaction: Sendable {
    private var storage: [TransactionKey: Transaction]

    /// Creates an empty table with room for `minimumCapacity` transactions before it grows.
    public init(minimumCapacity: Int = 0) {
        storage = [:]
        storage.reserveCapacity(minimumCapacity)
    }

    /// The number of storage.
    public var count: Int { storage.count }

    /// Whether the table holds no transaction.
    public var isEmpty: Bool { storage.isEmpty }

    /// Adds `transaction` under `key`, replacing any transaction stored there.
    public mutating func insert(_ transaction: Transaction, for key: TransactionKey) {
        storage[key] = transaction
    }

    /// The transaction stored under `key`.
    public func lookup(_ key: TransactionKey) -> Transaction? {
        storage[key]
    }

    /// Runs `body` on the transaction under `key` in place (no copy of the transaction) and returns
    /// its result, or `nil` when no transaction has that key.
    public mutating func update<Result>(_ key: TransactionKey, _ body: (inout Transaction) -> Result) -> Result? {
        guard let index = storage.index(forKey: key) else { return nil }
        return body(&storage.values[index])
    }

    /// Removes and returns the transaction under `key`.
    @discardableResult
    public mutating func remove(_ key: TransactionKey) -> Transaction? {
        storage.removeValue(forKey: key)
    }

    /// Every transaction in the table, in no particular order (e.g. to fail them all at shutdown).
    public var transactions: Dictionary<TransactionKey, Transaction>.Values { storage.values }
}
