import Foundation
import SIPTesting

/// A running `parley-imc` on a free UDP port of 127.0.0.1 with its database in a folder of its own.
final class IMCServer {
    let process: ProductProcess
    let port: Int
    let rpcURL: String
    let databasePath: String

    init(databasePath: String? = nil, extraArguments: [String] = []) throws {
        let path = databasePath ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("parley-imc-\(UUID().uuidString).sqlite").path
        self.databasePath = path
        process = try ProductProcess(
            "parley-imc", arguments: ["--listen", "udp:127.0.0.1:0", "--db", path, "--rpc", "127.0.0.1:0"] + extraArguments)
        let line = try process.waitForLine(containing: "parley-imc listening on udp:127.0.0.1")
        guard let port = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw TestSocketError("no port in '\(line)'")
        }
        self.port = port
        rpcURL = String(try process.waitForLine(containing: "parley-imc rpc on ").split(separator: " ").last ?? "")
    }

    /// Calls a JSON-RPC method with `curl`, a real HTTP client, and returns the response body.
    func rpc(_ method: String, _ parameters: [String] = []) throws -> String {
        let quoted = parameters.map { "\"\($0)\"" }.joined(separator: ",")
        let body = "{\"jsonrpc\":\"2.0\",\"method\":\"\(method)\",\"params\":[\(quoted)],\"id\":1}"
        let curl = try ExternalPeer(named: "curl", installHint: "apt-get install curl")
        let outcome = try curl.run(["-s", "-X", "POST", "-H", "Content-Type: application/json", "-d", body, rpcURL], timeout: .seconds(10))
        return outcome.output
    }
}
