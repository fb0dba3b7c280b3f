import Hummingbird
import Logging
import ServiceLifecycle

/// An XML-RPC server over HTTP, in the manner of SEMS's xmlrpc2di (spec §2): any path, any
/// method, keep-alive, faults as `200 OK`.
///
/// A ServiceLifecycle `Service`, like ``JSONRPCServer``: an executable adds it to its
/// `ServiceGroup` and graceful shutdown stops it.
///
/// ```swift
/// let webconference = WebConferenceInterface(registry: registry, callControl: bridge, feedback: feedback)
/// let server = XMLRPCServer(configuration: .init(port: 8090), methods: webconference.methods)
/// ```
public struct XMLRPCServer: Service {
    /// Where and how it listens.
    public let configuration: XMLRPCServerConfiguration
    private let dispatcher: XMLRPCDispatcher
    private let logger: Logger
    private let onListening: @Sendable (Int) async -> Void

    /// Creates a server; nothing listens until ``run()``.
    ///
    /// - Parameters:
    ///   - configuration: address, port, limits, allow-list, credentials.
    ///   - methods: the methods by name, e.g. `"di"`, `"roomInfo"`, `"webconference.roomInfo"`.
    ///   - logger: where the HTTP server logs.
    ///   - onListening: called once the socket is bound, with the bound port.
    public init(
        configuration: XMLRPCServerConfiguration,
        methods: [String: XMLRPCMethod],
        logger: Logger = Logger(label: "parley.xmlrpc"),
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.dispatcher = XMLRPCDispatcher(methods: methods, maximumDepth: configuration.maximumDepth)
        self.logger = logger
        self.onListening = onListening
    }

    /// Listens and serves until graceful shutdown or cancellation.
    public func run() async throws {
        try await HTTPListener.run(
            XMLRPCResponder(dispatcher: dispatcher, configuration: configuration), host: configuration.host,
            port: configuration.port, logger: logger, onListening: onListening)
    }
}
