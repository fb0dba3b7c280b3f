import Hummingbird
import Logging

/// Serves one responder over HTTP on Hummingbird: the part the XML-RPC and JSON-RPC servers share.
enum HTTPListener {
    /// Listens on `host`:`port` and serves `responder` until graceful shutdown or cancellation;
    /// `onListening` gets the bound port (the one the system chose when `port` is 0).
    static func run<Responder: HTTPResponder>(
        _ responder: Responder, host: String, port: Int, logger: Logger,
        onListening: @escaping @Sendable (Int) async -> Void
    ) async throws where Responder.Context: InitializableFromSource<ApplicationRequestContextSource> {
        let application = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in
                await onListening(channel.localAddress?.port ?? port)
            },
            logger: logger
        )
        try await application.run()
    }
}
