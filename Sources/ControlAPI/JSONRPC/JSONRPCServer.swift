import Hummingbird
import Logging
import ServiceLifecycle

/// A JSON-RPC 2.0 server over HTTP POST, in the style of Kamailio's jsonrpcs module.
///
/// Serves the methods of a table at one path (default `POST /RPC`): single calls, batches and
/// notifications, with the errors of ``JSONRPCDispatcher``. A body that is not JSON gets a
/// `-32700` response and the connection and server carry on. Other paths get `404`, other methods
/// on the path `405`.
///
/// It is a ServiceLifecycle `Service`: an executable adds it to its `ServiceGroup` next to its
/// other services, and the group's graceful shutdown (SIGTERM/SIGINT) stops it, letting requests
/// in flight finish:
///
/// ```swift
/// let rpc = JSONRPCServer(configuration: .init(port: 5060), methods: methods, logger: logger)
/// let group = ServiceGroup(services: [sipService, rpc], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
/// try await group.run()
/// ```
public struct JSONRPCServer: Service {
    /// Where and how it listens.
    public let configuration: JSONRPCServerConfiguration
    private let dispatcher: JSONRPCDispatcher
    private let logger: Logger
    private let onListening: @Sendable (Int) async -> Void

    /// Creates a server; nothing listens until ``run()``.
    ///
    /// - Parameters:
    ///   - configuration: address, port, path and error status.
    ///   - methods: the methods by name, e.g. `"imc.list_rooms"`.
    ///   - logger: where the HTTP server logs.
    ///   - onListening: called once the socket is bound, with the bound port (the one the system
    ///     chose when the configured port is 0).
    public init(
        configuration: JSONRPCServerConfiguration,
        methods: [String: JSONRPCMethod],
        logger: Logger = Logger(label: "parley.jsonrpc"),
        onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.dispatcher = JSONRPCDispatcher(methods: methods)
        self.logger = logger
        self.onListening = onListening
    }

    /// Listens and serves until graceful shutdown or cancellation.
    public func run() async throws {
        try await HTTPListener.run(
            JSONRPCResponder(dispatcher: dispatcher, configuration: configuration), host: configuration.host,
            port: configuration.port, logger: logger, onListening: onListening)
    }
}
