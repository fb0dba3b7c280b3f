import Foundation
import SIPTesting

/// A running `parley-imc` on a free UDP port of 127.0.0.1 with its database in a folder of its own.
final class IMCServer {
    let process: PeerProcess
    let port: Int
    let rpcURL: String
    let databasePath: String

    /// `parley-imc --listen udp:127.0.0.1:0 --db <databasePath or a new file> --rpc 127.0.0.1:0` and `extraArguments`.
    convenience init(databasePath: String? = nil, extraArguments: [String] = []) async throws {
        let path = databasePath ?? Self.newDatabasePath()
        try await self.init(
            arguments: ["--listen", "udp:127.0.0.1:0", "--db", path, "--rpc", "127.0.0.1:0"] + extraArguments,
            databasePath: path)
    }

    /// `parley-imc` with exactly `arguments`, which must open a UDP listener on 127.0.0.1 and a
    /// JSON-RPC listener (from the command line or a config file); `databasePath` is what `--db` names.
    init(arguments: [String], databasePath: String) async throws {
        self.databasePath = databasePath
        process = try PeerProcess.product("parley-imc", arguments: arguments)
        port = try Self.port(in: try await process.waitForLine(containing: "parley-imc listening on udp:127.0.0.1"))
        rpcURL = String(try await process.waitForLine(containing: "parley-imc rpc on ").split(separator: " ").last ?? "")
    }

    /// A SQLite file path in the temporary folder that does not exist yet.
    static func newDatabasePath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("parley-imc-\(UUID().uuidString).sqlite").path
    }

    /// The port of the listener printed as `parley-imc listening on <transport>:127.0.0.1:<port>`.
    func listeningPort(transport: String) async throws -> Int {
        try Self.port(in: try await process.waitForLine(containing: "parley-imc listening on \(transport):127.0.0.1"))
    }

    private static func port(in line: String) throws -> Int {
        guard let port = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw TestSocketError("no port in '\(line)'")
        }
        return port
    }

    /// Calls a JSON-RPC method with `curl`, a real HTTP client, and returns the response body.
    func rpc(_ method: String, _ parameters: [String] = []) async throws -> String {
        let quoted = parameters.map { "\"\($0)\"" }.joined(separator: ",")
        let body = "{\"jsonrpc\":\"2.0\",\"method\":\"\(method)\",\"params\":[\(quoted)],\"id\":1}"
        let curl = try ExternalPeer(named: "curl", installHint: "apt-get install curl")
        let outcome = try await curl.run(
            ["-s", "-X", "POST", "-H", "Content-Type: application/json", "-d", body, rpcURL], within: .seconds(10))
        return outcome.output
    }
}
