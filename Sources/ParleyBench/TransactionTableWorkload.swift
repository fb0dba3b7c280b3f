import SIPCore

/// N server transactions for distinct requests, and the keys that find them, to measure the
/// transaction table the way the transaction layer uses it: insert when a request arrives, look up
/// for its retransmissions and responses, remove when the transaction terminates (RFC 3261 §17.2.3).
struct TransactionTableWorkload {
    /// Keys from ``TransactionKey/server(for:)``, one per request.
    let keys: [TransactionKey]
    /// The transaction stored under each key.
    let transactions: [ServerNonInviteTransaction]

    /// Builds `count` MESSAGE requests that differ in their top Via branch, as `count` clients'
    /// messages in flight at once do.
    init(count: Int, template: SIPMessage) throws {
        var keys: [TransactionKey] = []
        var transactions: [ServerNonInviteTransaction] = []
        keys.reserveCapacity(count)
        transactions.reserveCapacity(count)
        for index in 0..<count {
            var request = template
            guard var via = request.topVia else { throw WorkloadError.templateWithoutVia }
            via.branch = "\(SIPVia.magicCookie).\(index)"
            request.topVia = via
            guard let key = TransactionKey.server(for: request) else { throw WorkloadError.templateWithoutVia }
            keys.append(key)
            transactions.append(ServerNonInviteTransaction(request: request, isReliable: false))
        }
        self.keys = keys
        self.transactions = transactions
    }

    /// Inserts every transaction into an empty `table`, looks each one up and removes it again,
    /// leaving the table empty; returns a count of what the lookups found.
    func insertLookupRemove(in table: inout TransactionTable<ServerNonInviteTransaction>) -> Int {
        for index in keys.indices {
            table.insert(transactions[index], for: keys[index])
        }
        var found = 0
        for key in keys where table.lookup(key) != nil {
            found += 1
        }
        for key in keys {
            table.remove(key)
        }
        return found
    }

    /// Why a workload could not be built.
    enum WorkloadError: Error {
        /// The template request has no Via, so it has no branch to vary.
        case templateWithoutVia
    }
}
