import ControlAPI
import Logging

/// Runs a ``JSONRPCServer`` on 127.0.0.1 with a system-chosen port in a `ServiceGroup`, as an
/// executable would, for the duration of `body`; then shuts the group down gracefully.
func withRunningJSONRPCServer(
    methods: [String: JSONRPCMethod] = TestMethods.table(),
    path: String = "/RPC",
    maximumBodySize: Int = 1 << 20,
    errorStatus: JSONRPCErrorStatus = .ok,
    _ body: @Sendable (Int) async throws -> Void
) async throws {
    let configuration = JSONRPCServerConfiguration(
        host: "127.0.0.1", port: 0, path: path, maximumBodySize: maximumBodySize, errorStatus: errorStatus)
    var logger = Logger(label: "parley.jsonrpc.test")
    logger.logLevel = .warning
    try await withRunningService(logger: logger, { onListening in
        JSONRPCServer(configuration: configuration, methods: methods, logger: logger, onListening: onListening)
    }, body)
}
