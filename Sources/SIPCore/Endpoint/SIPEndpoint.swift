import Logging
import NIOCore
import NIOPosix

/// A SIP endpoint: transports, transaction tables and timers driven on one event loop, with a
/// transaction user (TU) on top that gets requests and sends requests.
///
/// This is the thin driver of STYLE rule 2: the transaction state machines decide, the endpoint
/// performs their actions — sending bytes, arming and cancelling timers, delivering messages.
/// Everything mutable lives in an ``EndpointCore`` confined to ``eventLoop``.
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
    private let core: EndpointCore

    /// Creates an endpoint; `requestHandler` is called on ``eventLoop`` for every new request
    /// (and for ACKs of 2xx responses, which belong to no server transaction).
    public init(
        configuration: Configuration, eventLoop: EventLoop, logger: Logger = Logger(label: "parley.sip"),
        requestHandler: @escaping @Sendable (IncomingRequest) -> Void
    ) {
        self.eventLoop = eventLoop
        self.core = EndpointCore(
            configuration: configuration, eventLoop: eventLoop, logger: logger, requestHandler: requestHandler)
    }

    /// Binds every listen address and returns the bound addresses (with real ports).
    public func start() async throws -> [SIPTransportAddress] {
        let core = self.core
        return try await eventLoop.flatSubmit { core.start() }.get()
    }

    /// The addresses bound by ``start()``.
    public func boundAddresses() async throws -> [SIPTransportAddress] {
        let core = self.core
        return try await eventLoop.submit { core.transports.boundAddresses }.get()
    }

    /// A fresh top Via for a request leaving over `transport`: this endpoint's sent-by, a new
    /// branch and `rport` (RFC 3261 §8.1.1.7, RFC 3581 §3).
    public func makeVia(for transport: SIPTransportProtocol) async throws -> SIPVia {
        let core = self.core
        return try await eventLoop.submit { core.makeVia(for: transport) }.get()
    }

    /// Sends a request in a new client transaction and returns its final response.
    ///
    /// The request must carry a top Via with an RFC 3261 branch (see ``makeVia(for:)``).
    /// `provisional` sees 1xx responses. Throws ``SIPTransactionError`` on timeout or transport failure.
    public func send(
        _ request: SIPMessage, to destination: SIPTransportAddress,
        provisional: (@Sendable (SIPMessage) -> Void)? = nil
    ) async throws -> SIPMessage {
        let core = self.core
        let promise = eventLoop.makePromise(of: SIPMessage.self)
        eventLoop.execute {
            core.startClientTransaction(request, to: destination, promise: promise, provisional: provisional)
        }
        return try await promise.futureResult.get()
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
