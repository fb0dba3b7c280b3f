import ControlAPI
import Testing

/// Runs a ``JSONRPCServer`` on 127.0.0.1 with a system-chosen port for the duration of `body`,
/// then cancels it.
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
    let server = JSONRPCServer(configuration: configuration, methods: methods) { port in
        portContinuation.yield(port)
        portContinuation.finish()
    }
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            // If the server fails before it listens, end the stream so the test fails instead of waiting.
            defer { portContinuation.finish() }
            try await server.run()
        }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        #expect(port > 0)
        try await body(port)
        group.cancelAll()
    }
}
