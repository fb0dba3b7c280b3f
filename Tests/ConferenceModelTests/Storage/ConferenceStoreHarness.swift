import ConferenceModel

/// One empty database of one kind for one test: opens fresh conference store instances on it
/// and reads it the way another program (an operator's CLI) would.
protocol ConferenceStoreHarness: Sendable {
    /// Opens a new store instance on the database, runs `body` with it, and closes it.
    func withFreshStore<Result: Sendable>(_ body: @Sendable (any ConferenceStore) async throws -> Result) async throws -> Result
    /// Runs SQL from another process and returns its rows, one `a|b|c` line each.
    func query(_ sql: String) throws -> [String]
    /// The room's stored expiry time as UTC text, `YYYY-MM-DD HH:MM:SS.SSS`, read from another
    /// process; `nil` if it has none.
    func storedExpiryTime(ofRoom name: String) throws -> String?
    /// The store's tables' definitions, in a form that is equal for equal schemas.
    func schemaDescription() throws -> [String]
    /// The identifiers of the migrations recorded in the database, sorted.
    func migrationIdentifiers() throws -> [String]
    /// Deletes the database.
    func remove()
}

extension ConferenceStoreHarness {
    /// Applies `changes` with a fresh store instance.
    func apply(_ changes: [ConferenceStoreChange]) async throws {
        try await withFreshStore { store in try await store.apply(changes) }
    }

    /// Loads the rooms with a fresh store instance.
    func loadRooms() async throws -> [StoredRoom] {
        try await withFreshStore { store in try await store.loadRooms() }
    }
}
