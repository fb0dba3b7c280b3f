/// The INVITE server transaction of RFC 3261 §17.2.1, with the Accepted state and Timer L that
/// RFC 6026 §7.1 adds: after a 2xx the transaction only absorbs INVITE retransmissions and passes
/// ACKs up, while the TU (the dialog layer) retransmits the 2xx itself (§13.3.1.4).
///
/// Sans-I/O: feed it the request that created it (``start()``), the requests that match its ``key``
/// (retransmissions and the ACK), the TU's responses, timer expiries and transport failures; perform
/// the ``TransactionAction``s it returns in order.
///
/// The 100 (Trying) of §17.2.1 goes out only when the TU has sent nothing within 200 ms
/// (``tryingDelay``), or at once when the INVITE is retransmitted before that: a TU that answers
/// straight away (a conference bridge does) spares both sides a message per call, and a client
/// waiting on Timer A (T1, 500 ms) still hears before it retransmits.
public struct ServerInviteTransaction: Sendable {
    /// The states of figure 7 of RFC 3261 as amended by RFC 6026 §7.1.
    public enum State: Sendable, Equatable {
        /// The INVITE is with the TU; provisional responses may go out.
        case proceeding
        /// A 300–699 response went out; Timer G (unreliable transports) repeats it until the ACK or Timer H.
        case completed
        /// The ACK arrived; its retransmissions are absorbed until Timer I.
        case confirmed
        /// A 2xx went out; INVITE retransmissions are absorbed and ACKs passed up until Timer L.
        case accepted
        /// The transaction is over.
        case terminated
    }

    /// The current state.
    public private(set) var state: State
    /// The key that retransmissions of the INVITE and its non-2xx ACK match (§17.2.3).
    public let key: TransactionKey
    /// The INVITE that created the transaction.
    public let request: SIPMessage
    /// Whether the transport is reliable (TCP, TLS, SCTP): no retransmissions, no waiting states.
    public let isReliable: Bool
    private let configuration: TransactionConfiguration
    /// The last response sent, repeated when the INVITE is retransmitted (§17.2.1).
    private var lastResponse: SIPMessage?
    /// The next Timer G interval: T1, doubling up to T2 (§17.2.1).
    private var timerGInterval: Duration
    /// Whether ``start()`` has run.
    private var started = false

    /// How long the TU may take before the transaction sends 100 (Trying) itself (§17.2.1).
    public static let tryingDelay: Duration = .milliseconds(200)

    /// Creates the transaction for an INVITE that matched no existing transaction.
    public init(request: SIPMessage, isReliable: Bool, configuration: TransactionConfiguration = .init()) {
        guard let key = TransactionKey.server(for: request) else {
            preconditionFailure("a server transaction is created for a request (RFC 3261 §17.2.3)")
        }
        self.key = key
        self.request = request
        self.isReliable = isReliable
        self.configuration = configuration
        state = .proceeding
        timerGInterval = configuration.t1
    }

    /// The 100 (Trying) for `request` (RFC 3261 §8.2.6.1): no To tag, and the request's Timestamp copied.
    public static func trying(for request: SIPMessage) -> SIPMessage {
        let timestamps = request.headers.values(Self.timestamp).map { SIPHeaderField(name: Self.timestamp.rawValue, value: $0) }
        return SIPMessage(responseTo: request, statusCode: 100, headers: timestamps)
    }

    private static let timestamp = SIPHeaderName("Timestamp")

    /// Arms the wait for the TU's first response and passes the INVITE up to it (§17.2.1).
    public mutating func start() -> [TransactionAction] {
        guard state == .proceeding, !started else { return [] }
        started = true
        return [.schedule(.trying, after: Self.tryingDelay), .deliver(request)]
    }

    /// Sends 100 (Trying) in place of the TU's first response.
    private mutating func sendTrying() -> [TransactionAction] {
        let trying = Self.trying(for: request)
        lastResponse = trying
        return [.cancel(.trying), .send(trying)]
    }

    /// Handles a request that matched ``key``: an INVITE retransmission or an ACK.
    ///
    /// A retransmitted INVITE gets the last response again in Proceeding and Completed (§17.2.1) and is
    /// absorbed in Confirmed and Accepted (RFC 6026 §7.1). An ACK in Completed moves to Confirmed;
    /// in Accepted it is passed up to the TU (RFC 6026 §7.1); elsewhere it is absorbed.
    public mutating func receive(_ request: SIPMessage) -> [TransactionAction] {
        guard request.isRequest else { return [] }
        if request.method == .ack {
            switch state {
            case .completed:
                var actions = disarmCompletedTimers()
                // Timer I absorbs ACK retransmissions; a reliable transport has none, so "zero
                // seconds" (§17.2.1) means terminating now.
                if isReliable {
                    state = .terminated
                    actions.append(.terminated)
                } else {
                    state = .confirmed
                    actions.append(.schedule(.i, after: configuration.t4))
                }
                return actions
            case .accepted:
                return [.deliver(request)]
            case .proceeding, .confirmed, .terminated:
                return []
            }
        }
        switch state {
        case .proceeding where lastResponse == nil:
            return sendTrying()
        case .proceeding, .completed:
            return resendLastResponse()
        case .confirmed, .accepted, .terminated:
            return []
        }
    }

    /// Sends a response from the TU (§17.2.1, RFC 6026 §7.1).
    ///
    /// 1xx stays in Proceeding. A 2xx moves to Accepted and arms Timer L; the TU's own retransmissions
    /// of the 2xx pass through in Accepted. A 300–699 moves to Completed and arms Timers G (unreliable
    /// transports) and H. Any other response in any other state is not sent.
    public mutating func send(_ response: SIPMessage) -> [TransactionAction] {
        guard let statusCode = response.statusCode else { return [] }
        // The TU's first response spares the transaction its own 100 (Trying).
        let disarmTrying: [TransactionAction] = state == .proceeding && lastResponse == nil ? [.cancel(.trying)] : []
        switch (state, statusCode) {
        case (.proceeding, 100...199):
            lastResponse = response
            return disarmTrying + [.send(response)]
        case (.proceeding, 200...299):
            lastResponse = response
            state = .accepted
            return disarmTrying + [.send(response), .schedule(.l, after: configuration.transactionTimeout)]
        case (.accepted, 200...299):
            return [.send(response)]
        case (.proceeding, 300...699):
            lastResponse = response
            state = .completed
            var actions: [TransactionAction] = disarmTrying + [.send(response)]
            if !isReliable { actions.append(.schedule(.g, after: timerGInterval)) }
            actions.append(.schedule(.h, after: configuration.transactionTimeout))
            return actions
        default:
            return []
        }
    }

    /// Handles the expiry of a timer this transaction armed; a timer that no longer applies to the
    /// current state (a race with its cancellation) is ignored.
    public mutating func timerFired(_ timer: TransactionTimer) -> [TransactionAction] {
        switch (state, timer) {
        case (.proceeding, .trying) where lastResponse == nil:
            return sendTrying()
        case (.completed, .g):
            // §17.2.1: repeat the response; MIN(2*T1, T2), then doubling but never beyond T2.
            timerGInterval = configuration.nextCappedInterval(after: timerGInterval)
            return resendLastResponse() + [.schedule(.g, after: timerGInterval)]
        case (.completed, .h):
            // §17.2.1: the ACK never came; the TU learns of a transaction failure.
            let actions: [TransactionAction] = isReliable ? [] : [.cancel(.g)]
            state = .terminated
            return actions + [.timedOut, .terminated]
        case (.confirmed, .i), (.accepted, .l):
            state = .terminated
            return [.terminated]
        default:
            return []
        }
    }

    /// Handles a transport error sending a response (§17.2.4): the TU is told and the transaction ends.
    /// In Accepted the TU owns the 2xx, so it is only told; the transaction stays to absorb INVITE
    /// retransmissions until Timer L (RFC 6026 §7.1).
    public mutating func transportFailed() -> [TransactionAction] {
        switch state {
        case .terminated, .confirmed:
            return []
        case .accepted:
            return [.transportFailed]
        case .proceeding:
            state = .terminated
            return [.transportFailed, .terminated]
        case .completed:
            let actions = disarmCompletedTimers()
            state = .terminated
            return actions + [.transportFailed, .terminated]
        }
    }

    /// Sends the last response again, if there is one.
    private func resendLastResponse() -> [TransactionAction] {
        lastResponse.map { [.send($0)] } ?? []
    }

    /// Disarms Timers G and H when Completed ends by ACK or by transport failure.
    private func disarmCompletedTimers() -> [TransactionAction] {
        isReliable ? [.cancel(.h)] : [.cancel(.g), .cancel(.h)]
    }
}
