import ArgumentParser
import ConferenceModel

/// Where `parley-imc` keeps its rooms, from `--db`: a SQLite file path, or a PostgreSQL server
/// named by a `postgres://` (or `postgresql://`) URL.
enum IMCStoreLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    /// Reads `--db`; a PostgreSQL URL is checked here so that a typo fails before anything starts.
    init(_ text: String) throws {
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") else {
            self = .sqlite(path: text)
            return
        }
        do {
            _ = try PostgresConnectionURL(text)
        } catch {
            throw ValidationError("--db: \(error)")
        }
        self = .postgres(url: text)
    }
}
