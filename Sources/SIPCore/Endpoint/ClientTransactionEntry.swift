import NIOCore

/// What the endpoint needs of a client transaction, whichever kind (RFC 3261 §17.1).
protocol ClientTransactionMachine: Sendable {
    mutating func start() -> [TransactionAction]
    mutating func receive(_ response: SIPMessage) -> [TransactionAction]
    mutating func timerFired(_ timer: TransactionTimer) -> [TransactionAction]
    mutating func transportFailed() -> [TransactionAction]
}

extension ClientInviteTransaction: ClientTransactionMachine {}
extension ClientNonInviteTransaction: ClientTransactionMachine {}

/// A client transaction with its destination and the caller waiting for its final response.
struct ClientTransactionEntry {
    var machine: any ClientTransactionMachine
    let destination: SIPTransportAddress
    /// Completed with the first final response; `nil` once completed.
    var promise: EventLoopPromise<SIPMessage>?
    let provisional: (@Sendable (SIPMessage) -> Void)?
}
