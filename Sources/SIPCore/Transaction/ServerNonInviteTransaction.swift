/// The non-INVITE server transaction of RFC 3261 §17.2.2 (figure 8).
///
/// Sans-I/O: feed it the request that created it (``start()``), the retransmissions that match its
/// ``key``, the TU's responses, timer expiries and transport failures; perform the
/// ``TransactionAction``s it returns in order.
public struct ServerNonInviteTransaction: Sendable {
    /// The states of figure 8 of RFC 3261.
    public enum State: Sendable, Equatable {
        /// The request is with the TU and nothing was sent yet; retransmissions are absorbed.
        case trying
        /// A provisional response went out; retransmissions get it again.
        case proceeding
        /// The final response went out; retransmissions get it again until Timer J.
        case completed
        /// The transaction is over.
        case terminated
    }

    /// The current state.
    public private(set) var state: State
    /// The key that retransmissions of the request match (§17.2.3).
    public let key: TransactionKey
    /// The request that created the transaction.
    public let request: SIPMessage
    /// Whether the transport is reliable (TCP, TLS, SCTP): no retransmissions, no waiting states.
    public let isReliable: Bool
    private let configuration: TransactionConfiguration
    /// The last response sent, repeated when the request is retransmitted (§17.2.2).
    private var lastResponse: SIPMessage?

    /// Creates the transaction for a request that matched no existing transaction.
    public init(request: SIPMessage, isReliable: Bool, configuration: TransactionConfiguration = .init()) {
        guard let key = TransactionKey.server(for: request) else {
            preconditionFailure("a server transaction is created for a request (RFC 3261 §17.2.3)")
        }
        self.key = key
        self.request = request
        self.isReliable = isReliable
        self.configuration = configuration
        state = .trying
    }

    /// Passes the request up to the TU (§17.2.2).
    public mutating func start() -> [TransactionAction] {
        guard state == .trying else { return [] }
        return [.deliver(request)]
    }

    /// Handles a retransmission of the request: absorbed in Trying, answered with the last response
    /// in Proceeding and Completed (§17.2.2).
    public mutating func receive(_ request: SIPMessage) -> [TransactionAction] {
        guard request.isRequest else { return [] }
        switch state {
        case .proceeding, .completed:
            return lastResponse.map { [.send($0)] } ?? []
        case .trying, .terminated:
            return []
        }
    }

    /// Sends a response from the TU: 1xx keeps the transaction open (Proceeding), a final response
    /// completes it and arms Timer J = 64*T1 on unreliable transports (§17.2.2). Responses after the
    /// final one are not sent.
    public mutating func send(_ response: SIPMessage) -> [TransactionAction] {
        guard let statusCode = response.statusCode else { return [] }
        switch (state, statusCode) {
        case (.trying, 100...199), (.proceeding, 100...199):
            lastResponse = response
            state = .proceeding
            return [.send(response)]
        case (.trying, 200...699), (.proceeding, 200...699):
            lastResponse = response
            // Timer J absorbs request retransmissions; a reliable transport has none, so "zero
            // seconds" (§17.2.2) means terminating now.
            if isReliable {
                state = .terminated
                return [.send(response), .terminated]
            }
            state = .completed
            return [.send(response), .schedule(.j, after: configuration.transactionTimeout)]
        default:
            return []
        }
    }

    /// Handles the expiry of Timer J; a timer that no longer applies to the current state is ignored.
    public mutating func timerFired(_ timer: TransactionTimer) -> [TransactionAction] {
        guard state == .completed, timer == .j else { return [] }
        state = .terminated
        return [.terminated]
    }

    /// Handles a transport error sending a response: the TU is told and the transaction ends (§17.2.4).
    public mutating func transportFailed() -> [TransactionAction] {
        switch state {
        case .terminated, .trying:
            // Nothing was sent in Trying, so no failure can belong to it.
            return []
        case .proceeding:
            state = .terminated
            return [.transportFailed, .terminated]
        case .completed:
            state = .terminated
            return [.cancel(.j), .transportFailed, .terminated]
        }
    }
}
