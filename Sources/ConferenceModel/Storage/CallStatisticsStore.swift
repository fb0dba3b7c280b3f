import Foundation
import GRDB

/// Where the call counters outlive the process (spec §12.2): one row in an SQLite database and,
/// when `stats_dir` is set, SEMS's `<stats_dir>/stats` file too, so that tools that read it keep
/// working.
public final class CallStatisticsStore: Sendable {
    private let database: DatabaseQueue
    private let semsFile: String?

    /// Opens (or creates) the database and its table.
    public init(databasePath: String, statisticsDirectory: String?) throws {
        // The rooms' store writes to the same file: wait for its write rather than fail with SQLITE_BUSY.
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        database = try DatabaseQueue(path: databasePath, configuration: configuration)
        semsFile = statisticsDirectory.map { $0.hasSuffix("/") ? $0 + "stats" : $0 + "/stats" }
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-call-statistics") { db in
            try db.execute(
                sql: """
                    CREATE TABLE call_statistics (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        total INTEGER NOT NULL, failed INTEGER NOT NULL, seconds INTEGER NOT NULL)
                    """)
        }
        try migrator.migrate(database)
    }

    /// The saved counters: the database's, else SEMS's file, else zero.
    public func load() throws -> CallStatistics {
        let row = try database.read { db in
            try Row.fetchOne(db, sql: "SELECT total, failed, seconds FROM call_statistics WHERE id = 1")
        }
        if let row {
            return CallStatistics(total: row["total"], failed: row["failed"], seconds: row["seconds"])
        }
        if let semsFile, let text = try? String(contentsOfFile: semsFile, encoding: .utf8),
           let statistics = CallStatistics(fileContents: text) {
            return statistics
        }
        return CallStatistics()
    }

    /// Saves the counters in both places. The database write runs on GRDB's own queue, so the
    /// synchronous disk flush never holds one of the few threads the calls' tasks run on.
    public func save(_ statistics: CallStatistics) async throws {
        try await database.write { db in
            try db.execute(
                sql: """
                    INSERT INTO call_statistics (id, total, failed, seconds) VALUES (1, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET total = excluded.total, failed = excluded.failed, seconds = excluded.seconds
                    """,
                arguments: [statistics.total, statistics.failed, statistics.seconds])
        }
        if let semsFile {
            try statistics.fileContents.write(toFile: semsFile, atomically: true, encoding: .utf8)
        }
    }
}
