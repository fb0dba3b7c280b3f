import ControlAPI
import Logging
import ServiceLifecycle
import Testing

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
    let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
    var logger = Logger(label: "parley.jsonrpc.test")
    logger.logLevel = .warning
    let server = JSONRPCServer(configuration: configuration, methods: methods, logger: logger) { port in
        portContinuation.yield(port)
        portContinuation.finish()
    }
    let serviceGroup = ServiceGroup(configuration: .init(services: [server], logger: logger))
    try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask {
            // If the server fails before it listens, end the stream so the test fails instead of waiting.
            defer { portContinuation.finish() }
            try await serviceGroup.run()
        }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        #expect(port > 0)
        try await body(port)
        await serviceGroup.triggerGracefulShutdown()
        try await tasks.waitForAll()
    }
}
