import Foundation
import SIPTesting
import Testing

/// One throw-away PostgreSQL server for a whole suite, started by the first test that asks for
/// it (so a run of the SQLite cases alone never starts one) and stopped when the suite ends.
/// Each test gets its own database on it.
struct SharedPostgresTestServer: SuiteTrait, TestScoping {
    @TaskLocal private static var holder: Holder?

    var isRecursive: Bool { false }

    func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        let holder = Holder()
        defer { holder.stop() }
        try await Self.$holder.withValue(holder) { try await function() }
    }

    /// The suite's server, started on first use; throws (failing the test, never skipping it)
    /// if PostgreSQL is missing or does not start.
    static func current() throws -> PostgresTestServer {
        guard let holder else {
            throw PostgresTestServer.StartError(description: "the suite has no .sharedPostgresTestServer trait")
        }
        return try holder.server()
    }

    /// Starts the server once and remembers the result, failure included.
    private final class Holder: @unchecked Sendable {
        // @unchecked Sendable: `started` is only read and written while `lock` is held.
        private let lock = NSLock()
        private var started: Result<PostgresTestServer, any Error>?

        func server() throws -> PostgresTestServer {
            try lock.withLock {
                if let started { return try started.get() }
                let result = Result { try PostgresTestServer.start() }
                started = result
                return try result.get()
            }
        }

        func stop() {
            lock.withLock { try? started?.get().stop() }
        }
    }
}

extension Trait where Self == SharedPostgresTestServer {
    /// Gives the suite's tests one throw-away PostgreSQL server (see ``SharedPostgresTestServer``).
    static var sharedPostgresTestServer: Self { Self() }
}
