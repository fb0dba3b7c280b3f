/// The non-INVITE client transaction of RFC 3261 §17.1.2 (figure 6): REGISTER, OPTIONS, BYE, CANCEL,
/// MESSAGE and every other method but INVITE and ACK.
///
/// Sans-I/O: feed it the transaction user's start, the responses that match its ``key``, timer
/// expiries and transport failures; perform the ``TransactionAction``s it returns in order.
public struct ClientNonInviteTransaction: Sendable {
    /// The states of figure 6 of RFC 3261.
    public enum State: Sendable, Equatable {
        /// The request is out; Timer E (unreliable transports) retransmits it, Timer F times it out.
        case trying
        /// A provisional response arrived; retransmissions continue every T2 until a final response.
        case proceeding
        /// A final response arrived; its retransmissions are absorbed until Timer K.
        case completed
        /// The transaction is over.
        case terminated
    }

    /// The current state.
    public private(set) var state: State
    /// The key that responses to this request match (§17.1.3).
    public let key: TransactionKey
    /// The request as handed to the transport.
    public let request: SIPMessage
    /// Whether the transport is reliable (TCP, TLS, SCTP): no retransmissions, no waiting states.
    public let isReliable: Bool
    private let configuration: TransactionConfiguration
    /// The next Timer E interval: T1, doubling up to T2 in Trying; T2 in Proceeding (§17.1.2.2).
    private var timerEInterval: Duration

    /// Creates the transaction for `request`, which must carry a top Via with a branch (§8.1.1.7).
    public init(request: SIPMessage, isReliable: Bool, configuration: TransactionConfiguration = .init()) {
        guard let key = TransactionKey.client(for: request) else {
            preconditionFailure("a client transaction's request needs a top Via branch (RFC 3261 §8.1.1.7)")
        }
        self.key = key
        self.request = request
        self.isReliable = isReliable
        self.configuration = configuration
        state = .trying
        timerEInterval = configuration.t1
    }

    /// Sends the request and arms Timer E (unreliable transports only) and Timer F = 64*T1 (§17.1.2.2).
    public mutating func start() -> [TransactionAction] {
        guard state == .trying else { return [] }
        var actions: [TransactionAction] = [.send(request)]
        if !isReliable { actions.append(.schedule(.e, after: timerEInterval)) }
        actions.append(.schedule(.f, after: configuration.transactionTimeout))
        return actions
    }

    /// Handles a response that matched ``key``: 1xx goes to the TU (Trying → Proceeding), the first
    /// final response goes to the TU and completes the transaction, and anything after it is
    /// absorbed (§17.1.2.2).
    public mutating func receive(_ response: SIPMessage) -> [TransactionAction] {
        guard let statusCode = response.statusCode else { return [] }
        switch (state, statusCode) {
        case (.trying, 100...199), (.proceeding, 100...199):
            state = .proceeding
            return [.deliver(response)]
        case (.trying, 200...699), (.proceeding, 200...699):
            var actions = disarmRetransmissions()
            actions.append(.deliver(response))
            // Timer K absorbs the final response's retransmissions; a reliable transport has none, so
            // "zero seconds" (§17.1.2.2) means terminating now.
            if isReliable {
                state = .terminated
                actions.append(.terminated)
            } else {
                state = .completed
                actions.append(.schedule(.k, after: configuration.t4))
            }
            return actions
        default:
            return []
        }
    }

    /// Handles the expiry of a timer this transaction armed; a timer that no longer applies to the
    /// current state (a race with its cancellation) is ignored.
    public mutating func timerFired(_ timer: TransactionTimer) -> [TransactionAction] {
        switch (state, timer) {
        case (.trying, .e):
            // §17.1.2.2: MIN(2*T1, T2), then doubling but never beyond T2.
            timerEInterval = configuration.nextCappedInterval(after: timerEInterval)
            return [.send(request), .schedule(.e, after: timerEInterval)]
        case (.proceeding, .e):
            // §17.1.2.2: in Proceeding Timer E is reset with T2.
            timerEInterval = configuration.t2
            return [.send(request), .schedule(.e, after: timerEInterval)]
        case (.trying, .f), (.proceeding, .f):
            var actions = disarmRetransmissions()
            state = .terminated
            actions += [.timedOut, .terminated]
            return actions
        case (.completed, .k):
            state = .terminated
            return [.terminated]
        default:
            return []
        }
    }

    /// Handles a transport error sending the request: the TU is told and the transaction ends (§17.1.4).
    public mutating func transportFailed() -> [TransactionAction] {
        switch state {
        case .terminated, .completed:
            // Completed sends nothing, so no failure can belong to it.
            return []
        case .trying, .proceeding:
            var actions = disarmRetransmissions()
            state = .terminated
            actions += [.transportFailed, .terminated]
            return actions
        }
    }

    /// Disarms Timers E and F once the request is answered or abandoned.
    private func disarmRetransmissions() -> [TransactionAction] {
        isReliable ? [.cancel(.f)] : [.cancel(.e), .cancel(.f)]
    }
}
