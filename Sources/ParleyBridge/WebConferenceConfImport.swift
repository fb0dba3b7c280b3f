import ArgumentParser
import ConferenceModel
import Foundation

/// An operator's existing SEMS `webconference.conf` (`--webconference-conf`), read as SEMS reads
/// it (``SEMSConfigFile``: quotes, comments, `@includes`, last value wins).
///
/// Every key of spec §5 is taken, the dead ones (`tell_pin`, `star_finishes_pin`,
/// `webconference_urlbase`) included so that a SEMS file loads unchanged. A key SEMS does not know
/// either is reported as a warning, not an error: SEMS itself ignores such keys.
struct WebConferenceConfImport {
    /// The recognised settings, by SEMS key.
    var settings: [String: String] = [:]
    /// One line per unknown key: file, line and key.
    var warnings: [String] = []

    /// Reads the file at `path`; `@file` includes are resolved against the including file's folder.
    /// - Throws: `ValidationError` when the file cannot be read or is not `key=value` lines.
    static func read(path: String) throws -> WebConferenceConfImport {
        let file: SEMSConfigFile
        do {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            file = try SEMSConfigFile(text: text, origin: path) { include in
                let url = include.hasPrefix("/") ? URL(fileURLWithPath: include) : folder.appendingPathComponent(include)
                return (url.path, try String(contentsOf: url, encoding: .utf8))
            }
        } catch {
            throw ValidationError("--webconference-conf '\(path)': \(error)")
        }
        return WebConferenceConfImport(file)
    }

    /// No SEMS file: nothing set, nothing to warn about.
    init() {}

    /// The settings of `file`, and a warning for each key SEMS does not know.
    init(_ file: SEMSConfigFile) {
        for entry in file.entries {
            if WebConferenceKey.named(sems: entry.key) != nil {
                settings[entry.key] = entry.value
            } else {
                warnings.append("\(entry.origin):\(entry.line): unknown webconference.conf key '\(entry.key)' ignored")
            }
        }
    }
}
