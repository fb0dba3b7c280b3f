import Logging
import ServiceLifecycle
import Testing

/// Runs the server `makeServer` builds around a port callback in a `ServiceGroup`, as an
/// executable would, for the duration of `body` (given the bound port); then shuts the group
/// down gracefully.
func withRunningService<Server: Service>(
    logger: Logger,
    _ makeServer: (_ onListening: @escaping @Sendable (Int) async -> Void) -> Server,
    _ body: @Sendable (Int) async throws -> Void
) async throws {
    let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
    let server = makeServer { port in
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
