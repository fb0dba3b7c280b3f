import Logging
import NIOCore
import NIOPosix
import Synchronization

/// A SIP endpoint: transports, transaction tables and timers driven on one event loop, with a
/// transaction user (TU) on top that gets requests and sends requests.
///
/// This is the thin driver of STYLE rule 2: the transaction state machines decide, the endpoint
/// performs their actions — sending bytes, arming and cancelling timers, delivering messages.
/// Everything mutable lives in an `EndpointCore` confined to ``eventLoop``.
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
    }

    /// The loop that owns all of this endpoint's state.
    public let eventLoop: EventLoop
    let core: EndpointCore
    /// The bound addresses, readable from any thread for ``makeVia(for:)``.
    private let boundAddressList = Mutex<[SIPTransportAddress]>([])
    private let advertisedHost: String?

    /// Creates an endpoint; `requestHandler` is called on ``eventLoop`` for every new request
    /// (and for ACKs of 2xx responses, which belong to no server transaction).
    public init(
        configuration: Configuration, eventLoop: EventLoop, logger: Logger = Logger(label: "parley.sip"),
        requestHandler: @escaping @Sendable (IncomingRequest) -> Void
    ) {
        self.eventLoop = eventLoop
        self.advertisedHost = configuration.advertisedHost
        self.core = EndpointCore(
            configuration: configuration, eventLoop: eventLoop, logger: logger, requestHandler: requestHandler)
    }

    /// Binds every listen address and returns the bound addresses (with real ports).
    public func start() async throws -> [SIPTransportAddress] {
        let core = self.core
        let bound = try await eventLoop.flatSubmit { core.start() }.get()
        boundAddressList.withLock { $0 = bound }
        return bound
    }

    /// The addresses bound by ``start()``.
    public func boundAddresses() async throws -> [SIPTransportAddress] {
        boundAddressList.withLock { $0 }
    }

    /// The client transactions still waiting for their final response: a transaction user bounds
    /// its work with it, answering 503 when too much is in flight (RFC 3261 §21.5.4).
    public var pendingClientTransactionCount: Int { core.openClientTransactions.value }

    /// A fresh top Via for a request leaving over `transport`: this endpoint's sent-by, a new
    /// branch and `rport` (RFC 3261 §8.1.1.7, RFC 3581 §3). Call it after ``start()``.
    public func makeVia(for transport: SIPTransportProtocol) -> SIPVia {
        let addresses = boundAddressList.withLock { $0 }
        let local = addresses.first { $0.transport == transport } ?? addresses.first
        var host = local?.host ?? "127.0.0.1"
        if host == "0.0.0.0" || host == "::" { host = advertisedHost ?? "127.0.0.1" }
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
        let core = self.core
        let promise = eventLoop.makePromise(of: SIPMessage.self)
        eventLoop.execute {
            core.startClientTransaction(request, to: destination, promise: promise, provisional: provisional)
        }
        return promise.futureResult
    }

    /// Sends a message outside any transaction (an ACK for a 2xx, §13.2.2.4, or a stateless relay).
    public func sendStateless(_ message: SIPMessage, to destination: SIPTransportAddress) async throws {
        let core = self.core
        try await eventLoop.flatSubmit { core.transports.send(message.serialized(), to: destination) }.get()
    }

    /// Closes every socket and fails the requests still waiting.
    public func shutdown() async {
        let core = self.core
        try? await eventLoop.flatSubmit { core.shutdown() }.get()
    }
}
