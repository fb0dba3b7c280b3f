import Logging
import NIOCore
import NIOPosix
import Synchronization

/// A SIP endpoint: transports, transaction tables and timers driven on one or more event loops,
/// with a transaction user (TU) on top that gets requests and sends requests.
///
/// This is the thin driver of STYLE rule 2: the transaction state machines decide, the endpoint
/// performs their actions — sending bytes, arming and cancelling timers, delivering messages.
/// Everything mutable lives in `EndpointCore`s, each confined to its own event loop (a shard).
///
/// With several loops, shard 0 binds the listen addresses and serves every incoming request;
/// every other shard binds one UDP socket of its own on each UDP listen host (a free port) and
/// owns its own client transactions and timers. ``makeVia(for:)`` takes the UDP shards in turn,
/// and a request leaves from the socket of the shard its Via names, so its responses come back to
/// that shard (RFC 3261 §18.2.2 answers to the Via sent-by, §18.1.1 sends from it): a fan-out of
/// many requests spreads over every core. TCP stays on shard 0.
public final class SIPEndpoint: Sendable {
    /// What an endpoint listens on and how its transactions time.
    public struct Configuration: Sendable {
        /// Addresses to listen on; port 0 picks a free port.
        public var listenAddresses: [SIPTransportAddress]
        /// Transaction timer values (T1, T2, T4).
        public var transactions: TransactionConfiguration
        /// Value of the `Server` header this endpoint adds to its responses, if any.
        public var productName: String?
        /// The host put in Via and Contact when listening on a wildcard address (`0.0.0.0`, `::`).
        public var advertisedHost: String?

        /// Creates a configuration.
        public init(
            listenAddresses: [SIPTransportAddress], transactions: TransactionConfiguration = .init(),
            productName: String? = "Parley", advertisedHost: String? = nil
        ) {
            self.listenAddresses = listenAddresses
            self.transactions = transactions
            self.productName = productName
            self.advertisedHost = advertisedHost
        }

        /// The host to name in Via and Contact for a socket bound to `boundHost`: the
        /// ``advertisedHost`` for a wildcard address, else the bound host; `nil` for a wildcard
        /// address without an advertised host.
        func namedHost(forBound boundHost: String) -> String? {
            boundHost == "0.0.0.0" || boundHost == "::" ? advertisedHost : boundHost
        }
    }

    /// The loop of shard 0, which owns the listen addresses and every server transaction.
    public let eventLoop: EventLoop
    /// One core per event loop; shard 0 listens. Internal so that usages in this module (the
    /// INVITE sessions' ACK) can send on shard 0 from its loop.
    let shards: [EndpointCore]
    /// The bound addresses of each shard, readable from any thread for ``makeVia(for:)``.
    private let shardAddresses = Mutex<[[SIPTransportAddress]]>([])
    /// The next shard ``makeVia(for:)`` gives a UDP request to.
    private let nextShard = Atomic<Int>(0)
    private let openClientTransactions = ClientTransactionGauge()
    private let configuration: Configuration

    /// Creates an endpoint on one event loop; `requestHandler` is called on ``eventLoop`` for
    /// every new request (and for ACKs of 2xx responses, which belong to no server transaction).
    public convenience init(
        configuration: Configuration, eventLoop: EventLoop, logger: Logger = Logger(label: "parley.sip"),
        requestHandler: @escaping @Sendable (IncomingRequest) -> Void
    ) {
        self.init(configuration: configuration, eventLoops: [eventLoop], logger: logger, requestHandler: requestHandler)
    }

    /// Creates an endpoint with one shard per loop of `eventLoops` (at least one); shard 0, on
    /// `eventLoops[0]`, listens. `requestHandler` is called on the loop of the shard that received
    /// the request (shard 0 for every request sent to a listen address).
    public init(
        configuration: Configuration, eventLoops: [EventLoop], logger: Logger = Logger(label: "parley.sip"),
        requestHandler: @escaping @Sendable (IncomingRequest) -> Void
    ) {
        precondition(!eventLoops.isEmpty, "an endpoint needs an event loop")
        self.eventLoop = eventLoops[0]
        self.configuration = configuration
        let gauge = openClientTransactions
        self.shards = eventLoops.map { loop in
            EndpointCore(
                configuration: configuration, eventLoop: loop, logger: logger, openClientTransactions: gauge,
                requestHandler: requestHandler)
        }
    }

    /// Binds every listen address (and each further shard's UDP sockets) and returns the bound
    /// listen addresses (with real ports).
    public func start() async throws -> [SIPTransportAddress] {
        let first = shards[0]
        let bound = try await first.eventLoop.flatSubmit { first.start() }.get()
        var addresses = [bound]
        for shard in shards.dropFirst() {
            let sockets = try bound.filter { $0.transport == .udp }.map { try SIPTransportAddress(.udp, host: $0.host, port: 0) }
            addresses.append(try await shard.eventLoop.flatSubmit { shard.start(listeningOn: sockets) }.get())
        }
        shardAddresses.withLock { $0 = addresses }
        return bound
    }

    /// The addresses bound by ``start()``.
    public func boundAddresses() async throws -> [SIPTransportAddress] {
        shardAddresses.withLock { $0.first ?? [] }
    }

    /// The client transactions still waiting for their final response: a transaction user bounds
    /// its work with it, answering 503 when too much is in flight (RFC 3261 §21.5.4).
    public var pendingClientTransactionCount: Int { openClientTransactions.value }

    /// A fresh top Via for a request leaving over `transport`: this endpoint's sent-by, a new
    /// branch and `rport` (RFC 3261 §8.1.1.7, RFC 3581 §3). Call it after ``start()``.
    ///
    /// For UDP the sent-by is the next shard's socket in turn, which is where the request leaves
    /// from and its responses arrive.
    public func makeVia(for transport: SIPTransportProtocol) -> SIPVia {
        let local = shardAddresses.withLock { addresses -> SIPTransportAddress? in
            let shard = transport == .udp && addresses.count > 1 ? takeTurn(among: addresses.count) : 0
            let own = addresses[shard]
            return own.first { $0.transport == transport } ?? addresses.first?.first { $0.transport == transport }
                ?? addresses.first?.first
        }
        let host = configuration.namedHost(forBound: local?.host ?? "127.0.0.1") ?? "127.0.0.1"
        return SIPVia(
            transport: transport.rawValue, host: host, port: local?.port,
            parameters: [SIPParameter(name: "branch", value: SIPIdentifiers.branch()), SIPParameter(name: "rport")])
    }

    /// Sends a request in a new client transaction and returns its final response.
    ///
    /// The request must carry a top Via with an RFC 3261 branch (see ``makeVia(for:)``).
    /// `provisional` sees 1xx responses, and for an INVITE also every 2xx after the first
    /// (retransmissions and forks, RFC 6026 §7.2), which only the TU can acknowledge.
    /// Throws ``SIPTransactionError`` on timeout or transport failure.
    public func send(
        _ request: SIPMessage, to destination: SIPTransportAddress,
        provisional: (@Sendable (SIPMessage) -> Void)? = nil
    ) async throws -> SIPMessage {
        try await startTransaction(request, to: destination, provisional: provisional).get()
    }

    /// Starts a client transaction at once and returns the future of its final response.
    ///
    /// Requests started one after another from the same thread leave in that order, without a
    /// task or a suspension per request — what a fan-out of many MESSAGEs needs.
    public func startTransaction(
        _ request: SIPMessage, to destination: SIPTransportAddress,
        provisional: (@Sendable (SIPMessage) -> Void)? = nil
    ) -> EventLoopFuture<SIPMessage> {
        let core = shards[shardIndex(for: request, to: destination)]
        let promise = core.eventLoop.makePromise(of: SIPMessage.self)
        openClientTransactions.opened()
        core.eventLoop.execute {
            core.startClientTransaction(request, to: destination, promise: promise, provisional: provisional)
        }
        return promise.futureResult
    }

    /// Sends one copy of `fanOut` to each of its targets, each in its own client transaction,
    /// without waiting for any answer: one MESSAGE relayed to every member of a room.
    ///
    /// The UDP copies are shared out over the shards (one hop to each shard's loop for its
    /// share), written from one serialised template, and leave together in one `sendmmsg` per
    /// shard; their transactions retransmit and time out as RFC 3261 §17.1.2 says, and their
    /// final responses are matched and dropped without a full parse (see ``SIPRequestFanOut``).
    /// Copies to other transports take the ordinary path (``startTransaction(_:to:provisional:)``).
    /// Every copy counts in ``pendingClientTransactionCount`` until its final response or timeout.
    /// Copies for one shard leave in the order of `fanOut`'s targets, after the requests started
    /// on that shard before this call.
    public func fanOut(_ fanOut: SIPRequestFanOut) {
        let datagramTargets = fanOut.targets.filter { $0.destination.transport == .udp }
        for target in fanOut.targets where target.destination.transport != .udp {
            let request = fanOut.request(
                for: target, via: makeVia(for: target.destination.transport), tag: SIPIdentifiers.tag(),
                callID: SIPIdentifiers.callID())
            _ = startTransaction(request, to: target.destination)
        }
        guard !datagramTargets.isEmpty else { return }
        openClientTransactions.opened(datagramTargets.count)
        let first = takeTurn(among: shards.count)
        for offset in 0..<shards.count {
            let share = datagramTargets.count * offset / shards.count..<datagramTargets.count * (offset + 1) / shards.count
            guard !share.isEmpty else { continue }
            let core = shards[(first + offset) % shards.count]
            core.eventLoop.execute { core.startFanOut(fanOut, targets: datagramTargets[share]) }
        }
    }

    /// The next of `count` shards in turn, for spreading requests over them.
    private func takeTurn(among count: Int) -> Int {
        Int(nextShard.wrappingAdd(1, ordering: .relaxed).oldValue.magnitude % UInt(count))
    }

    /// The shard whose UDP socket the request's Via names (see ``makeVia(for:)``); shard 0 for
    /// TCP and for a Via this endpoint did not make.
    private func shardIndex(for request: SIPMessage, to destination: SIPTransportAddress) -> Int {
        guard shards.count > 1, destination.transport == .udp, let port = request.topVia?.port else { return 0 }
        return shardAddresses.withLock { addresses in
            addresses.firstIndex { own in own.contains { $0.transport == .udp && $0.port == port } } ?? 0
        }
    }

    /// Sends a message outside any transaction (an ACK for a 2xx, §13.2.2.4, or a stateless relay).
    public func sendStateless(_ message: SIPMessage, to destination: SIPTransportAddress) async throws {
        let core = shards[0]
        try await eventLoop.flatSubmit { core.transports.send(message.serialized(), to: destination) }.get()
    }

    /// Closes every socket and fails the requests still waiting.
    public func shutdown() async {
        for core in shards {
            try? await core.eventLoop.flatSubmit { core.shutdown() }.get()
        }
    }
}
