/// One arming of one transaction timer, as the endpoint's ``TransactionTimerWheel`` holds it.
struct TransactionTimerID {
    /// Which table the transaction is in.
    enum Side { case server, client }
    let side: Side
    let key: TransactionKey
    let timer: TransactionTimer
    /// Matches the transaction's ``ArmedTransactionTimers`` only while this arming is current.
    let generation: UInt64
}
