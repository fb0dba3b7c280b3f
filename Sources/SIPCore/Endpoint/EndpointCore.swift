import Logging
import NIOCore

/// The mutable state of a ``SIPEndpoint``: transports, both transaction tables and their timers.
///
/// `@unchecked Sendable` is safe here because every method asserts that it runs on `eventLoop`
/// and ``SIPEndpoint`` reaches this object only through tasks submitted to that loop; the
/// transports' callbacks also run on it. No state is ever touched from two threads.
final class EndpointCore: @unchecked Sendable {
    let eventLoop: EventLoop
    private let configuration: SIPEndpoint.Configuration
    private let logger: Logger
    private let requestHandler: @Sendable (IncomingRequest) -> Void
    /// Client transactions still waiting for their final response, shared with ``SIPEndpoint``.
    let openClientTransactions: ClientTransactionGauge
    private(set) var transports: SIPTransportLayer!
    private var servers = TransactionTable<ServerTransactionEntry>(minimumCapacity: 1024)
    private var clients = TransactionTable<ClientTransactionEntry>(minimumCapacity: 1024)
    /// Every armed timer. A timer is disarmed by forgetting its generation in the transaction's entry.
    private let timerWheel: LoopTimerWheel<EndpointTimer>
    private var nextTimerGeneration: UInt64 = 0
    /// The transactions of the fan-out copies this shard sent (``SIPEndpoint/fanOut(_:)``).
    private var fanOuts: FanOutTransactions

    init(
        configuration: SIPEndpoint.Configuration, eventLoop: EventLoop, logger: Logger,
        openClientTransactions: ClientTransactionGauge = ClientTransactionGauge(),
        requestHandler: @escaping @Sendable (IncomingRequest) -> Void
    ) {
        self.configuration = configuration
        self.openClientTransactions = openClientTransactions
        self.eventLoop = eventLoop
        self.logger = logger
        self.requestHandler = requestHandler
        self.fanOuts = FanOutTransactions(configuration: configuration.transactions)
        self.timerWheel = LoopTimerWheel(eventLoop: eventLoop)
        // Weak: an endpoint dropped without `shutdown()` leaves its sockets open until they close,
        // and a datagram arriving meanwhile must find nothing rather than a destroyed endpoint.
        self.transports = SIPTransportLayer(eventLoop: eventLoop) { [weak self] packet in self?.receive(packet) }
        // Weak: a wheel task already running may outlive the endpoint it would call back.
        timerWheel.expired = { [weak self] timer, now in
            switch timer {
            case .transaction(let id): self?.timerFired(id)
            case .fanOut(let identifier): self?.fanOutTimerFired(identifier, now: now)
            }
        }
    }

    // MARK: - Life cycle

    /// Binds `addresses` (by default the configured listen addresses) and returns them bound.
    func start(listeningOn addresses: [SIPTransportAddress]? = nil) -> EventLoopFuture<[SIPTransportAddress]> {
        eventLoop.assertInEventLoop()
        let binds = (addresses ?? configuration.listenAddresses).map { transports.listen(on: $0) }
        return EventLoopFuture.whenAllSucceed(binds, on: eventLoop)
    }

    func shutdown() -> EventLoopFuture<Void> {
        eventLoop.assertInEventLoop()
        timerWheel.removeAll()
        for entry in clients.transactions {
            guard let promise = entry.promise else { continue }
            openClientTransactions.closed()
            promise.fail(SIPTransactionError(.shutdown, "endpoint shut down"))
        }
        clients = TransactionTable()
        servers = TransactionTable()
        openClientTransactions.closed(fanOuts.removeAll())
        return transports.close()
    }

    // MARK: - Inbound

    private func receive(_ packet: InboundPacket) {
        eventLoop.assertInEventLoop()
        if let glance = FanOutResponseGlance(packet.bytes) {
            receiveFanOutResponse(glance)
            return
        }
        if let glance = ResponseGlance(packet.bytes),
           clients.lookup(TransactionKey.client(branch: glance.branch, method: glance.method))?.machine
               .absorbsResponses == true
        {
            return  // a retransmitted final response its completed transaction would drop unread
        }
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
                scheduleServer(timer, key: key, after: delay)
            case .cancel(let timer):
                servers.update(key) { $0.timers.disarm(timer) }
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
            }
        }
    }

    private func serverTransportFailed(_ key: TransactionKey) {
        if let actions = servers.update(key, { $0.machine.transportFailed() }) { applyServer(actions, key: key) }
    }

    // MARK: - Client transactions

    /// Starts a client transaction ``SIPEndpoint`` has counted in ``openClientTransactions`` already
    /// (when it queued the start, so that work waiting for the loop counts as pending too).
    func startClientTransaction(
        _ request: SIPMessage, to destination: SIPTransportAddress, promise: EventLoopPromise<SIPMessage>,
        provisional: (@Sendable (SIPMessage) -> Void)?
    ) {
        eventLoop.assertInEventLoop()
        guard request.method != .ack, request.topVia?.hasRFC3261Branch == true,
              let key = TransactionKey.client(for: request)
        else {
            openClientTransactions.closed()
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
        applyClient(actions, key: key)
    }

    private func applyClient(_ actions: [TransactionAction], key: TransactionKey) {
        for action in actions {
            switch action {
            case .send(let request):
                guard let entry = clients.lookup(key) else { continue }
                transports.send(request.serialized(), to: entry.destination, batched: true)
                    .whenFailure { [weak self] _ in self?.clientTransportFailed(key) }
            case .schedule(let timer, let delay):
                scheduleClient(timer, key: key, after: delay)
            case .cancel(let timer):
                clients.update(key) { $0.timers.disarm(timer) }
            case .deliver(let response):
                deliverToCaller(response, key: key)
            case .timedOut:
                failCaller(key, SIPTransactionError(.timeout, "no final response within 64*T1"))
            case .transportFailed:
                failCaller(key, SIPTransactionError(.transportFailed, "the transport could not send the request"))
            case .terminated:
                failCaller(key, SIPTransactionError(.timeout, "transaction ended without a final response"))
                clients.remove(key)
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

    private func scheduleServer(_ timer: TransactionTimer, key: TransactionKey, after delay: Duration) {
        let generation = newTimerGeneration()
        guard servers.update(key, { $0.timers.arm(timer, generation: generation) }) != nil else { return }
        arm(TransactionTimerID(side: .server, key: key, timer: timer, generation: generation), after: delay)
    }

    private func scheduleClient(_ timer: TransactionTimer, key: TransactionKey, after delay: Duration) {
        let generation = newTimerGeneration()
        guard clients.update(key, { $0.timers.arm(timer, generation: generation) }) != nil else { return }
        arm(TransactionTimerID(side: .client, key: key, timer: timer, generation: generation), after: delay)
    }

    private func newTimerGeneration() -> UInt64 {
        nextTimerGeneration &+= 1
        return nextTimerGeneration
    }

    private func arm(_ id: TransactionTimerID, after delay: Duration) {
        timerWheel.arm(.transaction(id), after: delay)
    }

    private func timerFired(_ id: TransactionTimerID) {
        switch id.side {
        case .server:
            let fired = servers.update(id.key) { entry -> [TransactionAction]? in
                entry.timers.expire(id.timer, generation: id.generation) ? entry.machine.timerFired(id.timer) : nil
            }
            if let actions = fired ?? nil { applyServer(actions, key: id.key) }
        case .client:
            let fired = clients.update(id.key) { entry -> [TransactionAction]? in
                entry.timers.expire(id.timer, generation: id.generation) ? entry.machine.timerFired(id.timer) : nil
            }
            if let actions = fired ?? nil { applyClient(actions, key: id.key) }
        }
    }

    // MARK: - Fan-out

    /// Sends one copy of `fanOut` to each of `targets` over UDP, each in a ``FanOutTransactions``
    /// transaction that ``SIPEndpoint`` has counted in ``openClientTransactions`` already.
    func startFanOut(_ fanOut: SIPRequestFanOut, targets: ArraySlice<SIPRequestFanOut.Target>) {
        eventLoop.assertInEventLoop()
        guard let local = transports.boundAddresses.first(where: { $0.transport == .udp }) else {
            logger.debug("fan-out of \(targets.count) \(fanOut.method.rawValue) dropped: no UDP socket")
            openClientTransactions.closed(targets.count)
            return
        }
        let host = configuration.namedHost(forBound: local.host) ?? "127.0.0.1"
        let writer = FanOutRequestWriter(fanOut, sentBy: SIPVia(transport: "UDP", host: host, port: local.port).sentBy)
        var identifiers = SplitMix64()
        let allocator = ByteBufferAllocator()
        // The wheel's clock, which is the loop's: the deadlines it is given are on the clock it fires by.
        let now = timerWheel.now
        for target in targets {
            var identifier = identifiers.next()
            while fanOuts.contains(identifier) { identifier = identifiers.next() }
            let request = writer.request(
                to: target.uriText, branch: identifier, tag: identifiers.next(),
                callID: (identifiers.next(), identifiers.next()), allocator: allocator)
            let destination = target.destination.socketAddress
            let deadline = fanOuts.start(identifier, request: request, destination: destination, now: now)
            transports.sendDatagram(request, to: destination)
            timerWheel.arm(.fanOut(identifier), deadline: deadline)
        }
    }

    private func receiveFanOutResponse(_ glance: FanOutResponseGlance) {
        if fanOuts.receive(glance.identifier, statusCode: glance.statusCode) == .final {
            openClientTransactions.closed()
        }
    }

    private func fanOutTimerFired(_ identifier: UInt64, now: UInt64) {
        switch fanOuts.timerFired(identifier, now: now) {
        case .retransmit(let request, let destination, let nextDeadline):
            transports.sendDatagram(request, to: destination)
            timerWheel.arm(.fanOut(identifier), deadline: nextDeadline)
        case .timedOut:
            openClientTransactions.closed()
            logger.debug("a fan-out request got no final response within 64*T1")
        case .stale:
            break
        }
    }
}
