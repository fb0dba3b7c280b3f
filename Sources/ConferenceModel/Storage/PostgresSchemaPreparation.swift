import Logging
import NIOConcurrencyHelpers
import PostgresNIO

/// Brings a store's schema up to date once, before the store's first query: the first caller
/// runs ``PostgresMigrator/migrate(_:logger:)``, every caller meanwhile or later waits for that
/// one run.
///
/// A run that failed (the server not up yet, a lost connection) is forgotten, so the next caller
/// tries again rather than the store failing for good.
final class PostgresSchemaPreparation: Sendable {
    private let migrator: PostgresMigrator
    private let client: PostgresClient
    private let logger: Logger
    /// The running or finished migration, shared by every caller; cleared if it failed so the
    /// next call tries again.
    private let preparation = NIOLockedValueBox<Task<Void, any Error>?>(nil)

    /// Prepares with `migrator` through `client`, which the store's owner runs.
    init(_ migrator: PostgresMigrator, client: PostgresClient, logger: Logger) {
        self.migrator = migrator
        self.client = client
        self.logger = logger
    }

    /// Returns once the schema is up to date; throws what the migration threw.
    func prepare() async throws {
        let preparation = preparation.withLockedValue { running in
            if let running { return running }
            let task = Task { [migrator, client, logger] in try await migrator.migrate(client, logger: logger) }
            running = task
            return task
        }
        do {
            try await preparation.value
        } catch {
            self.preparation.withLockedValue { running in running = nil }
            throw error
        }
    }
}
