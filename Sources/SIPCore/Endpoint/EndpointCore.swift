import Logging
import NIOCore

/// The mutable state of a ``SIPEndpoint``: transports, both transaction tables and their timers.
///
/// `@unchecked Sendable` is safe here because every method asserts that it runs on `eventLoop`
/// and ``SIPEndpoint`` reaches this object only through tasks submitted to that loop; the
/// transports' callbacks also run on it. No state is ever touched from two threads.
final class EndpointCore: @unchecked Sendable {
    /// One armed timer of one transaction.
    private struct TimerID: Hashable {
        enum Side: Hashable { case server, client }
        let side: Side
        let key: TransactionKey
        let timer: TransactionTimer
    }

    let eventLoop: EventLoop
    private let configuration: SIPEndpoint.Configuration
    private let logger: Logger
    private let requestHandler: @Sendable (IncomingRequest) -> Void
    /// Client transactions still waiting for their final response, shared with ``SIPEndpoint``.
    let openClientTransactions = ClientTransactionGauge()
    private(set) var transports: SIPTransportLayer!
    private var servers = TransactionTable<ServerTransactionEntry>(minimumCapacity: 1024)
    private var clients = TransactionTable<ClientTransactionEntry>(minimumCapacity: 1024)
    /// The generation of each armed timer. A timer is disarmed by forgetting it here, never by
    /// cancelling its NIO task: `Scheduled.cancel()` scans every pending task on the loop, which
    /// at thousands of transactions a second (each arming E, F and K) costs more than the SIP work.
    /// A task that fires for a forgotten or re-armed timer finds another generation and does nothing.
    private var timers: [TimerID: UInt64] = [:]
    private var nextTimerGeneration: UInt64 = 0

    init(
        configuration: SIPEndpoint.Configuration, eventLoop: EventLoop, logger: Logger,
        requestHandler: @escaping @Sendable (IncomingRequest) -> Void
    ) {
        self.configuration = configuration
        self.eventLoop = eventLoop
        self.logger = logger
        self.requestHandler = requestHandler
        self.transports = SIPTransportLayer(eventLoop: eventLoop) { [unowned self] packet in self.receive(packet) }
    }

    // MARK: - Life cycle

    func start() -> EventLoopFuture<[SIPTransportAddress]> {
        eventLoop.assertInEventLoop()
        let binds = configuration.listenAddresses.map { transports.listen(on: $0) }
        return EventLoopFuture.whenAllSucceed(binds, on: eventLoop)
    }

    func shutdown() -> EventLoopFuture<Void> {
        eventLoop.assertInEventLoop()
        timers = [:]
        for entry in clients.transactions {
            guard let promise = entry.promise else { continue }
            openClientTransactions.closed()
            promise.fail(SIPTransactionError(.shutdown, "endpoint shut down"))
        }
        clients = TransactionTable()
        servers = TransactionTable()
        return transports.close()
    }

    // MARK: - Inbound

    private func receive(_ packet: InboundPacket) {
        eventLoop.assertInEventLoop()
        let message: SIPMessage
        do {
            message = try SIPMessage(parsing: packet.bytes)
        } catch {
            logger.debug("rejected message from \(packet.source): \(error)")
            if let bytes = StatelessErrorResponse.bytes(for: error, localTag: SIPIdentifiers.tag()) {
                transports.send(bytes, to: packet.source, over: packet.connection).whenFailure { [logger] failure in
                    logger.debug("could not send error response: \(failure)")
                }
            }
            return
        }
        if message.isRequest {
            receiveRequest(message, packet: packet)
        } else {
            receiveResponse(message)
        }
    }

    private func receiveRequest(_ message: SIPMessage, packet: InboundPacket) {
        var request = message
        ResponseRouting.stampReceived(on: &request, source: packet.source)
        guard let key = TransactionKey.server(for: request) else { return }
        if let actions = servers.update(key, { $0.machine.receive(request) }) {
            applyServer(actions, key: key)
            return
        }
        if request.method == .ack {
            // An ACK for a 2xx belongs to no transaction: it goes to the TU (RFC 3261 §17.2.1, RFC 6026).
            requestHandler(IncomingRequest(message: request, source: packet.source, responder: { _ in }))
            return
        }
        let machine: any ServerTransactionMachine = request.method == .invite
            ? ServerInviteTransaction(request: request, isReliable: packet.source.transport.isReliable, configuration: configuration.transactions)
            : ServerNonInviteTransaction(request: request, isReliable: packet.source.transport.isReliable, configuration: configuration.transactions)
        var entry = ServerTransactionEntry(machine: machine, source: packet.source, connection: packet.connection)
        let actions = entry.machine.start()
        servers.insert(entry, for: key)
        if request.method == .cancel {
            applyServer(actions.filter { if case .deliver = $0 { false } else { true } }, key: key)
            cancel(request, transactionKey: key)
        } else {
            applyServer(actions, key: key)
        }
    }

    /// RFC 3261 §9.2: a CANCEL matching a pending INVITE gets 200 and the INVITE gets 487;
    /// one matching nothing gets 481. The TU sees the CANCEL either way, to stop ringing.
    private func cancel(_ request: SIPMessage, transactionKey: TransactionKey) {
        guard let inviteKey = TransactionKey.serverForCancel(request),
              let invite = servers.lookup(inviteKey), !invite.machine.hasFinalResponse,
              case let inviteTransaction as ServerInviteTransaction = invite.machine
        else {
            respond(to: transactionKey, with: Self.response(to: request, statusCode: 481))
            return
        }
        requestHandler(IncomingRequest(message: request, source: invite.source, responder: { _ in }))
        respond(to: transactionKey, with: Self.response(to: request, statusCode: 200))
        respond(to: inviteKey, with: Self.response(to: inviteTransaction.request, statusCode: 487))
    }

    private static func response(to request: SIPMessage, statusCode: Int) -> SIPMessage {
        var response = SIPMessage(responseTo: request, statusCode: statusCode)
        if response.to.tag == nil { response.to.tag = SIPIdentifiers.tag() }
        return response
    }

    private func receiveResponse(_ response: SIPMessage) {
        guard let key = TransactionKey.client(for: response),
              let actions = clients.update(key, { $0.machine.receive(response) })
        else {
            logger.debug("dropped a response that matches no client transaction: \(response.callID)")
            return
        }
        applyClient(actions, key: key)
    }

    // MARK: - Server transactions

    /// Feeds a TU response into its server transaction.
    func respond(to key: TransactionKey, with response: SIPMessage) {
        eventLoop.assertInEventLoop()
        var response = response
        if let product = configuration.productName, response.headers[.server] == nil {
            response.appendHeader(.server, product)
        }
        guard let actions = servers.update(key, { $0.machine.send(response) }) else {
            logger.debug("response for a finished server transaction dropped: \(key)")
            return
        }
        applyServer(actions, key: key)
    }

    private func applyServer(_ actions: [TransactionAction], key: TransactionKey) {
        for action in actions {
            switch action {
            case .send(let response):
                guard let entry = servers.lookup(key) else { continue }
                let destination = entry.connection?.isActive == true
                    ? entry.source
                    : ResponseRouting.destination(for: response, transport: entry.source.transport) ?? entry.source
                transports.send(response.serialized(), to: destination, over: entry.connection)
                    .whenFailure { [weak self] _ in self?.serverTransportFailed(key) }
            case .schedule(let timer, let delay):
                schedule(TimerID(side: .server, key: key, timer: timer), after: delay)
            case .cancel(let timer):
                timers.removeValue(forKey: TimerID(side: .server, key: key, timer: timer))
            case .deliver(let request):
                guard let entry = servers.lookup(key) else { continue }
                let loop = eventLoop
                let incoming = IncomingRequest(message: request, source: entry.source) { [self] response in
                    loop.execute { self.respond(to: key, with: response) }
                }
                requestHandler(incoming)
            case .timedOut, .transportFailed:
                logger.debug("server transaction \(key) ended without an answer: \(action)")
            case .terminated:
                servers.remove(key)
                cancelTimers(of: key, side: .server)
            }
        }
    }

    private func serverTransportFailed(_ key: TransactionKey) {
        if let actions = servers.update(key, { $0.machine.transportFailed() }) { applyServer(actions, key: key) }
    }

    // MARK: - Client transactions

    func startClientTransaction(
        _ request: SIPMessage, to destination: SIPTransportAddress, promise: EventLoopPromise<SIPMessage>,
        provisional: (@Sendable (SIPMessage) -> Void)?
    ) {
        eventLoop.assertInEventLoop()
        guard request.method != .ack, request.topVia?.hasRFC3261Branch == true,
              let key = TransactionKey.client(for: request)
        else {
            promise.fail(SIPTransactionError(.invalidRequest, "a client transaction needs a request with an RFC 3261 branch"))
            return
        }
        let reliable = destination.transport.isReliable
        let machine: any ClientTransactionMachine = request.method == .invite
            ? ClientInviteTransaction(request: request, isReliable: reliable, configuration: configuration.transactions)
            : ClientNonInviteTransaction(request: request, isReliable: reliable, configuration: configuration.transactions)
        var entry = ClientTransactionEntry(machine: machine, destination: destination, promise: promise, provisional: provisional)
        let actions = entry.machine.start()
        clients.insert(entry, for: key)
        openClientTransactions.opened()
        applyClient(actions, key: key)
    }

    private func applyClient(_ actions: [TransactionAction], key: TransactionKey) {
        for action in actions {
            switch action {
            case .send(let request):
                guard let entry = clients.lookup(key) else { continue }
                transports.send(request.serialized(), to: entry.destination)
                    .whenFailure { [weak self] _ in self?.clientTransportFailed(key) }
            case .schedule(let timer, let delay):
                schedule(TimerID(side: .client, key: key, timer: timer), after: delay)
            case .cancel(let timer):
                timers.removeValue(forKey: TimerID(side: .client, key: key, timer: timer))
            case .deliver(let response):
                deliverToCaller(response, key: key)
            case .timedOut:
                failCaller(key, SIPTransactionError(.timeout, "no final response within 64*T1"))
            case .transportFailed:
                failCaller(key, SIPTransactionError(.transportFailed, "the transport could not send the request"))
            case .terminated:
                failCaller(key, SIPTransactionError(.timeout, "transaction ended without a final response"))
                clients.remove(key)
                cancelTimers(of: key, side: .client)
            }
        }
    }

    private func deliverToCaller(_ response: SIPMessage, key: TransactionKey) {
        guard let code = response.statusCode else { return }
        if code < 200 {
            clients.lookup(key)?.provisional?(response)
            return
        }
        if let promise = takePromise(key) {
            promise.succeed(response)
        } else if code < 300 {
            // RFC 6026 §7.2: 2xx retransmissions and forks after the first reach the TU, which ACKs them.
            clients.lookup(key)?.provisional?(response)
        }
    }

    private func failCaller(_ key: TransactionKey, _ error: SIPTransactionError) {
        takePromise(key)?.fail(error)
    }

    /// The caller's promise, once: later final responses (2xx retransmissions, forks) find none.
    private func takePromise(_ key: TransactionKey) -> EventLoopPromise<SIPMessage>? {
        let promise = clients.update(key) { entry -> EventLoopPromise<SIPMessage>? in
            defer { entry.promise = nil }
            return entry.promise
        } ?? nil
        if promise != nil { openClientTransactions.closed() }
        return promise
    }

    private func clientTransportFailed(_ key: TransactionKey) {
        if let actions = clients.update(key, { $0.machine.transportFailed() }) { applyClient(actions, key: key) }
    }

    // MARK: - Timers

    private func schedule(_ id: TimerID, after delay: Duration) {
        nextTimerGeneration &+= 1
        let generation = nextTimerGeneration
        timers[id] = generation
        let (seconds, attoseconds) = delay.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        eventLoop.scheduleTask(in: .nanoseconds(nanoseconds)) { [weak self] in
            self?.timerFired(id, generation: generation)
        }
    }

    private func timerFired(_ id: TimerID, generation: UInt64) {
        guard timers[id] == generation else { return }
        timers.removeValue(forKey: id)
        switch id.side {
        case .server:
            if let actions = servers.update(id.key, { $0.machine.timerFired(id.timer) }) { applyServer(actions, key: id.key) }
        case .client:
            if let actions = clients.update(id.key, { $0.machine.timerFired(id.timer) }) { applyClient(actions, key: id.key) }
        }
    }

    private func cancelTimers(of key: TransactionKey, side: TimerID.Side) {
        for timer in [TransactionTimer.a, .b, .d, .e, .f, .g, .h, .i, .j, .k, .l, .m] {
            timers.removeValue(forKey: TimerID(side: side, key: key, timer: timer))
        }
    }
}
