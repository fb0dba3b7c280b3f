import ArgumentParser
import Configuration
import Foundation
import SystemPackage

/// A `parley-imc` config file: one JSON object whose keys are the long option names without
/// their dashes in front (`"cmd-char": "!"`), each meaning what the option means (Docs/IMC.md).
///
/// Read with swift-configuration's `FileProvider<JSONSnapshot>`, which checks each value's type;
/// keys are checked here too, since a misspelt key would otherwise be ignored without a word.
enum IMCConfigFile {
    /// Every key a config file may hold.
    static let keys: Set<String> = [
        "listen", "domain", "db", "outbound-proxy", "cmd-char", "create-on-join", "check-on-create",
        "extra-headers", "manager-user", "room-pattern", "rpc", "log-level",
    ]

    /// The settings in the file at `path`.
    ///
    /// - Throws: `ValidationError` naming the file when it cannot be read, is not a JSON object,
    ///   has a key not in ``keys`` or a value of the wrong type.
    static func read(path: String) async throws -> IMCOptionValues {
        do {
            try checkKeys(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
            let file = ConfigReader(provider: try await FileProvider<JSONSnapshot>(filePath: FilePath(path)))
            return IMCOptionValues(
                listen: try await file.fetchStringArray(forKey: "listen"),
                domain: try await file.fetchString(forKey: "domain"),
                db: try await file.fetchString(forKey: "db"),
                outboundProxy: try await file.fetchString(forKey: "outbound-proxy"),
                cmdChar: try await file.fetchString(forKey: "cmd-char"),
                createOnJoin: try await file.fetchInt(forKey: "create-on-join"),
                checkOnCreate: try await file.fetchInt(forKey: "check-on-create"),
                extraHeaders: try await file.fetchString(forKey: "extra-headers"),
                managerUser: try await file.fetchString(forKey: "manager-user"),
                roomPattern: try await file.fetchString(forKey: "room-pattern"),
                rpc: try await file.fetchString(forKey: "rpc"),
                logLevel: try await file.fetchString(forKey: "log-level"))
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("--config '\(path)': \(error)")
        }
    }

    private static func checkKeys(_ data: Data, path: String) throws {
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ValidationError("--config '\(path)': the file must hold one JSON object")
        }
        let unknown = Set(object.keys).subtracting(keys).sorted()
        guard unknown.isEmpty else {
            throw ValidationError("--config '\(path)': unknown key(s) \(unknown.joined(separator: ", ")); known: \(keys.sorted().joined(separator: ", "))")
        }
    }
}
