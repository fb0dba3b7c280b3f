import Foundation

/// Kamailio's own create scripts, read where the Debian packages install them (never copied
/// into this repository).
enum KamailioSchemaScripts {
    /// `standard-create.sql` (the `version` table) then `imc-create.sql`, for `db_sqlite`
    /// (package kamailio-sqlite-modules) or `postgres` (package kamailio-postgres-modules).
    static func paths(for driver: String, package: String) throws -> [String] {
        let paths = ["standard-create.sql", "imc-create.sql"].map { "/usr/share/kamailio/\(driver)/\($0)" }
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw Missing(description: "\(path) is missing: install the Debian package \(package)")
        }
        return paths
    }

    /// Kamailio's create scripts are not installed.
    struct Missing: Error, CustomStringConvertible {
        let description: String
    }
}
