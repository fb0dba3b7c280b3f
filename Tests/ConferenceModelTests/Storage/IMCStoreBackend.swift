import Testing

/// The store implementations every behaviour test runs against.
enum IMCStoreBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// A new, empty database of this kind.
    func makeHarness() throws -> any IMCStoreHarness {
        switch self {
        case .sqlite: try SQLiteIMCStoreHarness()
        case .postgres: try PostgresIMCStoreHarness()
        }
    }
}
