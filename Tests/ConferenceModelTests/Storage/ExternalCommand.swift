import Foundation
import SIPTesting

/// Runs a command-line program (`sqlite3`) the way an operator or Kamailio's `kamdbctl` would,
/// from another process.
enum ExternalCommand {
    /// Runs `executable` with `arguments` and returns what it printed; throws if it fails.
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        guard let path = ["/usr/bin", "/bin", "/usr/local/bin"].map({ "\($0)/\(executable)" })
            .first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw Failure(description: "\(executable) is not installed")
        }
        let outcome = try BlockingCommand.run(path, arguments)
        guard outcome.status == 0 else {
            throw Failure(description: "\(executable) \(arguments) exited \(outcome.status): \(outcome.output)")
        }
        return outcome.output
    }

    /// A command-line program failed or is missing.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }
}
