import Foundation
import SIPTesting

/// A running `parley-imc` on a free UDP port of 127.0.0.1 with its database in a folder of its own.
final class IMCServer {
    let process: ProductProcess
    let port: Int
    let databasePath: String

    init(databasePath: String? = nil, extraArguments: [String] = []) throws {
        let path = databasePath ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("parley-imc-\(UUID().uuidString).sqlite").path
        self.databasePath = path
        process = try ProductProcess(
            "parley-imc", arguments: ["--listen", "udp:127.0.0.1:0", "--db", path] + extraArguments)
        let line = try process.waitForLine(containing: "parley-imc listening on udp:127.0.0.1")
        guard let port = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw TestSocketError("no port in '\(line)'")
        }
        self.port = port
    }
}
