/// The INVITE client transaction of RFC 3261 §17.1.1, with the Accepted state and Timer M that
/// RFC 6026 §7.2 adds so that every 2xx, retransmissions and forks included, reaches the TU.
///
/// Sans-I/O: feed it the transaction user's start, the responses that match its ``key``, timer
/// expiries and transport failures; perform the ``TransactionAction``s it returns in order.
public struct ClientInviteTransaction: Sendable {
    /// The states of figure 5 of RFC 3261 as amended by RFC 6026 §7.2.
    public enum State: Sendable, Equatable {
        /// The INVITE is out, no response yet; Timers A (unreliable transports) and B run.
        case calling
        /// A provisional response arrived; the transaction waits without a timeout (the TU may CANCEL).
        case proceeding
        /// A 2xx arrived; further 2xx go to the TU until Timer M fires (RFC 6026 §7.2).
        case accepted
        /// A 300–699 response arrived and was acknowledged; retransmissions are absorbed until Timer D.
        case completed
        /// The transaction is over.
        case terminated
    }

    /// The current state.
    public private(set) var state: State
    /// The key that responses to this INVITE match (§17.1.3).
    public let key: TransactionKey
    /// The INVITE as handed to the transport.
    public let request: SIPMessage
    /// Whether the transport is reliable (TCP, TLS, SCTP): no retransmissions, no waiting states.
    public let isReliable: Bool
    private let configuration: TransactionConfiguration
    /// The next Timer A interval: T1, then doubling without a cap (§17.1.1.2).
    private var timerAInterval: Duration
    /// The ACK of the first 300–699 response, sent again for each retransmission of it (§17.1.1.2).
    private var acknowledgement: SIPMessage?

    /// Creates the transaction for `request`, which must carry a top Via with a branch (§8.1.1.7).
    public init(request: SIPMessage, isReliable: Bool, configuration: TransactionConfiguration = .init()) {
        guard let key = TransactionKey.client(for: request) else {
            preconditionFailure("a client transaction's request needs a top Via branch (RFC 3261 §8.1.1.7)")
        }
        self.key = key
        self.request = request
        self.isReliable = isReliable
        self.configuration = configuration
        state = .calling
        timerAInterval = configuration.t1
    }

    /// Sends the INVITE and arms Timer A (unreliable transports only) and Timer B = 64*T1 (§17.1.1.2).
    public mutating func start() -> [TransactionAction] {
        guard state == .calling else { return [] }
        var actions: [TransactionAction] = [.send(request)]
        if !isReliable { actions.append(.schedule(.a, after: timerAInterval)) }
        actions.append(.schedule(.b, after: configuration.transactionTimeout))
        return actions
    }

    /// Handles a response that matched ``key``.
    ///
    /// 1xx goes to the TU and moves Calling to Proceeding. A 2xx goes to the TU and moves to Accepted,
    /// where every later 2xx is passed up as well (RFC 6026 §7.2). A 300–699 is acknowledged by the
    /// transaction itself and passed up once; its retransmissions in Completed only repeat the ACK.
    public mutating func receive(_ response: SIPMessage) -> [TransactionAction] {
        guard let statusCode = response.statusCode else { return [] }
        switch (state, statusCode) {
        case (.calling, 100...199), (.proceeding, 100...199):
            let actions = leaveCalling()
            state = .proceeding
            return actions + [.deliver(response)]
        case (.calling, 200...299), (.proceeding, 200...299):
            let actions = leaveCalling()
            state = .accepted
            return actions + [.deliver(response), .schedule(.m, after: configuration.transactionTimeout)]
        case (.accepted, 200...299):
            return [.deliver(response)]
        case (.calling, 300...699), (.proceeding, 300...699):
            var actions = leaveCalling()
            let ack = SIPMessage(acknowledging: response, of: request)
            acknowledgement = ack
            actions += [.send(ack), .deliver(response)]
            // Timer D lets the ACK answer the final response's retransmissions; a reliable transport
            // has none, so "zero seconds" (§17.1.1.2) means terminating now.
            if isReliable {
                state = .terminated
                actions.append(.terminated)
            } else {
                state = .completed
                actions.append(.schedule(.d, after: configuration.timerD))
            }
            return actions
        case (.completed, 300...699):
            return acknowledgement.map { [.send($0)] } ?? []
        default:
            return []
        }
    }

    /// Handles the expiry of a timer this transaction armed; a timer that no longer applies to the
    /// current state (a race with its cancellation) is ignored.
    public mutating func timerFired(_ timer: TransactionTimer) -> [TransactionAction] {
        switch (state, timer) {
        case (.calling, .a):
            // §17.1.1.2: retransmit and double the interval.
            timerAInterval = timerAInterval * 2
            return [.send(request), .schedule(.a, after: timerAInterval)]
        case (.calling, .b):
            var actions = leaveCalling()
            state = .terminated
            actions += [.timedOut, .terminated]
            return actions
        case (.completed, .d), (.accepted, .m):
            state = .terminated
            return [.terminated]
        default:
            return []
        }
    }

    /// Handles a transport error sending the INVITE or the ACK: the TU is told and the transaction ends
    /// (§17.1.4). In Accepted the transaction sends nothing, so a failure reported there only informs
    /// the TU; the transaction stays to pass up further 2xx until Timer M (RFC 6026 §7.2).
    public mutating func transportFailed() -> [TransactionAction] {
        switch state {
        case .terminated:
            return []
        case .accepted:
            return [.transportFailed]
        case .calling, .proceeding, .completed:
            var actions = leaveCalling()
            if state == .completed, !isReliable { actions.append(.cancel(.d)) }
            state = .terminated
            actions += [.transportFailed, .terminated]
            return actions
        }
    }

    /// Disarms Timers A and B when the transaction leaves Calling: after any response the INVITE is
    /// no longer retransmitted, and an INVITE that has been answered does not time out (§17.1.1.2).
    private func leaveCalling() -> [TransactionAction] {
        guard state == .calling else { return [] }
        return isReliable ? [.cancel(.b)] : [.cancel(.a), .cancel(.b)]
    }
}
