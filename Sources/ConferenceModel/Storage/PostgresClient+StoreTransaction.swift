import Logging
import PostgresNIO

extension PostgresClient {
    /// Runs `body` in a transaction as `withTransaction(logger:_:)` does, but throws what `body`
    /// threw as it is: the stores promise their own errors (``ConferenceStoreError``,
    /// ``IMCStoreError``), which `withTransaction` would wrap in a `PostgresTransactionError`.
    /// An error of `BEGIN`, `COMMIT` or the connection is still thrown wrapped.
    func withStoreTransaction<Result>(
        logger: Logger,
        file: String = #file,
        line: Int = #line,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> sending Result
    ) async throws -> sending Result {
        do {
            return try await withTransaction(logger: logger, file: file, line: line, isolation: isolation, body)
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error
        }
    }
}
