import ArgumentParser
import Configuration
import Foundation
import SystemPackage
import Yams

/// A `parley-bridge` config file: YAML (`.yaml`, `.yml`) or JSON (`.json`), read with
/// swift-configuration's `FileProvider`. Keys are dotted paths of nested maps (`rtp.ports` is
/// `rtp: {ports: …}`): Parley's own settings (``BridgeOptionValues/fileKeys``) and the
/// `webconference.conf` settings under the names of ``WebConferenceKey/all``.
///
/// swift-configuration checks each value's type but not the keys, so the keys are checked here
/// too: a misspelt key would otherwise be ignored without a word.
struct BridgeConfigFile {
    /// Parley's own settings from the file.
    var values = BridgeOptionValues()
    /// The `webconference.conf` settings from the file, by SEMS key, as SEMS text.
    var webConference: [String: String] = [:]

    /// Reads the file at `path`.
    /// - Throws: `ValidationError` naming the file when it cannot be read or parsed, has an
    ///   unknown key, or a value of the wrong type.
    static func read(path: String) async throws -> BridgeConfigFile {
        do {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let isJSON = path.lowercased().hasSuffix(".json")
            try checkKeys(text, isJSON: isJSON, path: path)
            let reader: ConfigReader
            if isJSON {
                reader = ConfigReader(provider: try await FileProvider<JSONSnapshot>(filePath: FilePath(path)))
            } else {
                reader = ConfigReader(provider: try await FileProvider<YAMLSnapshot>(filePath: FilePath(path)))
            }
            return try await read(reader)
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("--config '\(path)': \(error)")
        }
    }

    private static func read(_ file: ConfigReader) async throws -> BridgeConfigFile {
        var result = BridgeConfigFile()
        result.values = BridgeOptionValues(
            sipListen: try await file.fetchStringArray(forKey: "sip.listen"),
            advertisedHost: try await file.fetchString(forKey: "sip.advertised-host"),
            rtpPorts: try await file.fetchString(forKey: "rtp.ports"),
            rtpAddress: try await file.fetchString(forKey: "rtp.address"),
            codecs: try await file.fetchStringArray(forKey: "media.codecs"),
            roomRate: try await file.fetchInt(forKey: "media.room-rate"),
            database: try await file.fetchString(forKey: "database"),
            promptsDirectory: try await file.fetchString(forKey: "prompts.directory"),
            xmlrpcListen: try await file.fetchString(forKey: "xmlrpc.listen"),
            logLevel: try await file.fetchString(forKey: "log-level"),
            xmlrpcAllowedClients: try await file.fetchStringArray(forKey: "xmlrpc.allow"),
            xmlrpcUser: try await file.fetchString(forKey: "xmlrpc.user"),
            xmlrpcPassword: try await file.fetchString(forKey: "xmlrpc.password"),
            realtimePriority: try await file.fetchBool(forKey: "media.realtime-priority"),
            maximumUnansweredCalls: try await file.fetchInt(forKey: "sip.max-unanswered-calls"),
            roomsDatabase: try await file.fetchString(forKey: "rooms.database"))
        for key in WebConferenceKey.all {
            let configKey = ConfigKey(key.parley)
            switch key.kind {
            case .text:
                if let value = try await file.fetchString(forKey: configKey) { result.webConference[key.sems] = value }
            case .number:
                if let value = try await file.fetchInt(forKey: configKey) { result.webConference[key.sems] = String(value) }
            case .flag:
                if let value = try await file.fetchBool(forKey: configKey) { result.webConference[key.sems] = value ? "yes" : "no" }
            }
        }
        return result
    }

    /// Every key the file may hold.
    static var knownKeys: Set<String> {
        BridgeOptionValues.fileKeys.union(WebConferenceKey.all.map(\.parley))
    }

    private static func checkKeys(_ text: String, isJSON: Bool, path: String) throws {
        let document: Any?
        if isJSON {
            document = try JSONSerialization.jsonObject(with: Data(text.utf8))
        } else {
            document = try Yams.load(yaml: text)
        }
        guard let map = document as? [String: Any] else {
            throw ValidationError("--config '\(path)': the file must hold one map of settings")
        }
        let unknown = Set(leafKeys(of: map, prefix: "")).subtracting(knownKeys).sorted()
        guard unknown.isEmpty else {
            throw ValidationError(
                "--config '\(path)': unknown key(s) \(unknown.joined(separator: ", ")); see Docs/Bridge.md for the keys")
        }
    }

    /// The dotted paths of every value that is not itself a map.
    private static func leafKeys(of map: [String: Any], prefix: String) -> [String] {
        map.flatMap { key, value -> [String] in
            let path = prefix.isEmpty ? key : "\(prefix).\(key)"
            if let nested = value as? [String: Any] { return leafKeys(of: nested, prefix: path) }
            return [path]
        }
    }
}
