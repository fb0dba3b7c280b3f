import NIOCore

/// What the endpoint needs of a client transaction, whichever kind (RFC 3261 §17.1).
protocol ClientTransactionMachine: Sendable {
    mutating func start() -> [TransactionAction]
    mutating func receive(_ response: SIPMessage) -> [TransactionAction]
    mutating func timerFired(_ timer: TransactionTimer) -> [TransactionAction]
    mutating func transportFailed() -> [TransactionAction]
    /// Whether every further response would be dropped unseen, so that it need not be parsed.
    var absorbsResponses: Bool { get }
}

extension ClientInviteTransaction: ClientTransactionMachine {
    /// Never: Completed answers a retransmitted non-2xx with the ACK again, Accepted passes 2xx
    /// retransmissions up (RFC 3261 §17.1.1.2, RFC 6026 §8.4).
    var absorbsResponses: Bool { false }
}

extension ClientNonInviteTransaction: ClientTransactionMachine {
    /// In Completed every response is absorbed until Timer K (RFC 3261 §17.1.2.2).
    var absorbsResponses: Bool { state == .completed || state == .terminated }
}

/// A client transaction with its destination and the caller waiting for its final response.
struct ClientTransactionEntry {
    var machine: any ClientTransactionMachine
    let destination: SIPTransportAddress
    /// Completed with the first final response; `nil` once completed.
    var promise: EventLoopPromise<SIPMessage>?
    let provisional: (@Sendable (SIPMessage) -> Void)?
    /// The transaction's armed timers.
    var timers = ArmedTransactionTimers()
}
