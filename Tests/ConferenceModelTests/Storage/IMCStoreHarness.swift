import ConferenceModel

/// One empty database of one kind for one test: opens fresh store instances on it and reads or
/// writes it the way another program (Kamailio, its `kamdbctl`, a CLI) would.
protocol IMCStoreHarness: Sendable {
    /// Opens a new store instance on the database, runs `body` with it, and closes it.
    func withFreshStore<Result: Sendable>(_ body: @Sendable (any IMCStore) async throws -> Result) async throws -> Result
    /// Creates the tables with Kamailio's own create scripts (`standard-create.sql`,
    /// `imc-create.sql` from /usr/share/kamailio), then runs `seedSQL`.
    func createKamailioSchema(seedSQL: String) throws
    /// Runs SQL from another process and returns its rows, one `a|b|c` line each.
    func query(_ sql: String) throws -> [String]
    /// The tables' definitions, in a form that is equal for equal schemas.
    func schemaDescription() throws -> [String]
    /// Deletes the database.
    func remove()
}

extension IMCStoreHarness {
    /// Applies `changes` with a fresh store instance.
    func apply(_ changes: [IMRoomChange]) async throws {
        try await withFreshStore { store in try await store.apply(changes) }
    }

    /// Loads the rooms with a fresh store instance.
    func loadRooms() async throws -> [IMRoom] {
        try await withFreshStore { store in try await store.loadRooms() }
    }
}
