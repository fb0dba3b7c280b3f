import Testing

/// The conference store implementations every behaviour test runs against.
enum ConferenceStoreBackend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    /// A new, empty database of this kind.
    func makeHarness() throws -> any ConferenceStoreHarness {
        switch self {
        case .sqlite: try ConferenceStoreSQLiteHarness()
        case .postgres: try ConferenceStorePostgresHarness()
        }
    }
}
