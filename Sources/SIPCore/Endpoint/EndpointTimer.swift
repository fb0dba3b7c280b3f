/// One armed timer in an endpoint shard's ``TransactionTimerWheel``.
enum EndpointTimer {
    /// A timer of a transaction in the client or server table.
    case transaction(TransactionTimerID)
    /// The one timer of a fan-out copy's transaction (see ``FanOutTransactions``), by identifier.
    case fanOut(UInt64)
}
