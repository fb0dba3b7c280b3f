import NIOCore

/// What the endpoint needs of a server transaction, whichever kind (RFC 3261 §17.2).
protocol ServerTransactionMachine: Sendable {
    mutating func start() -> [TransactionAction]
    mutating func receive(_ request: SIPMessage) -> [TransactionAction]
    mutating func send(_ response: SIPMessage) -> [TransactionAction]
    mutating func timerFired(_ timer: TransactionTimer) -> [TransactionAction]
    mutating func transportFailed() -> [TransactionAction]
    /// Whether a final response has been sent, so a CANCEL no longer applies (RFC 3261 §9.2).
    var hasFinalResponse: Bool { get }
}

extension ServerInviteTransaction: ServerTransactionMachine {
    var hasFinalResponse: Bool { state != .proceeding }
}

extension ServerNonInviteTransaction: ServerTransactionMachine {
    var hasFinalResponse: Bool { state == .completed || state == .terminated }
}

/// A server transaction with where its request came from, as the endpoint keeps it.
struct ServerTransactionEntry {
    var machine: any ServerTransactionMachine
    /// The request's source, for responses when the connection is gone (RFC 3261 §18.2.2).
    let source: SIPTransportAddress
    /// The connection the request arrived on, if a stream.
    let connection: Channel?
    /// The transaction's armed timers.
    var timers = ArmedTransactionTimers()
}
