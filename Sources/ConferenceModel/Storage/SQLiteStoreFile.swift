import GRDB

/// How the SQLite stores open their file: a write waits up to a busy timeout for another
/// connection that holds the file's write lock, and every commit is synced before it returns
/// (WAL with `synchronous = FULL`; the stores' documentation says why).
enum SQLiteStoreFile {
    /// Opens the file at `path` with `makeWriter`, which gets a configuration with `busyTimeout`
    /// and must leave the file in WAL mode, then makes every commit of the writer durable.
    static func open<Writer: DatabaseWriter>(
        path: String,
        busyTimeout: Duration,
        with makeWriter: (_ path: String, _ configuration: Configuration) throws -> Writer
    ) throws -> Writer {
        var configuration = Configuration()
        configuration.busyMode = .timeout(Double(busyTimeout.components.seconds)
            + Double(busyTimeout.components.attoseconds) / 1e18)
        let database = try makeWriter(path, configuration)
        // Set once opened, not in `prepareDatabase`: a DatabasePool sets `synchronous = NORMAL` on
        // its writer after that has run. The writer (a DatabaseQueue's one connection, a
        // DatabasePool's writer) is the only connection that commits, so this one setting makes
        // every commit durable.
        try database.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return database
    }
}
