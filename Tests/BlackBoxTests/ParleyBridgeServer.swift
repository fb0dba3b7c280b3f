import Foundation
import SIPTesting

/// A running `parley-bridge` on free loopback ports: SIP over UDP, XML-RPC, an RTP range of its
/// own, a database in the temporary folder and a short test prompt set.
final class ParleyBridgeServer {
    let process: PeerProcess
    let sipPort: Int
    let xmlrpcURL: String
    /// The SQLite file of `--db`.
    let databasePath: String

    /// `parley-bridge` with loopback listeners and `extraArguments`: SIP on `sipPort` (0 picks
    /// one), RTP on `rtpPorts` (by default 20 ports of its own), the SQLite file `databasePath`
    /// (by default a new one). Returns once it listens.
    init(
        sipPort: Int = 0, rtpPorts: ClosedRange<Int>? = nil, databasePath: String? = nil, extraArguments: [String] = []
    ) async throws {
        let database = databasePath
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("parley-bridge-\(UUID().uuidString).sqlite").path
        self.databasePath = database
        // Below the ephemeral ports (32768 and up) that free-port lookups and clients are given.
        let firstRTPPort = 20000 + Int.random(in: 0..<600) * 20
        let ports = rtpPorts ?? firstRTPPort...(firstRTPPort + 19)
        process = try PeerProcess.product(
            "parley-bridge",
            arguments: [
                "--sip", "udp:127.0.0.1:\(sipPort)", "--xmlrpc", "127.0.0.1:0", "--db", database,
                "--rtp-ports", "\(ports.lowerBound)-\(ports.upperBound)", "--prompts", try ParleyBridgeTestPrompts.directory(),
            ] + extraArguments)
        let sipLine = try await process.waitForLine(containing: "parley-bridge listening on udp:127.0.0.1:")
        guard let port = sipLine.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw TestSocketError("no port in '\(sipLine)'")
        }
        self.sipPort = port
        xmlrpcURL = String(try await process.waitForLine(containing: "parley-bridge xmlrpc on ").split(separator: " ").last ?? "")
    }

    /// A free UDP port for a SIPp peer of these tests, taken below the ephemeral range from which
    /// `ExternalPeer.freePort()` serves every other test's peers, so that a peer started here and
    /// one started by a test running alongside are never handed the same number.
    static func peerPort() throws -> Int {
        for _ in 0..<50 {
            let port = 2 * Int.random(in: 5000..<9999)
            if (try? TestUDPSocket(host: "127.0.0.1", port: port)) != nil { return port }
        }
        throw TestSocketError("no free peer port between 10000 and 19998")
    }

    /// Calls an XML-RPC method with Python's `xmlrpc.client`, a real client, and returns its
    /// result decoded from JSON (arrays, strings, numbers).
    func xmlrpc(_ method: String, _ arguments: [String]) async throws -> Any {
        let python = try ExternalPeer(named: "python3", installHint: "apt-get install python3")
        let script = """
            import json, sys, xmlrpc.client
            proxy = xmlrpc.client.ServerProxy(sys.argv[1])
            print("RESULT " + json.dumps(getattr(proxy, sys.argv[2])(*sys.argv[3:])))
            """
        let outcome = try await python.run(["-c", script, xmlrpcURL, method] + arguments, within: .seconds(10))
        guard let line = outcome.output.split(separator: "\n").last(where: { $0.hasPrefix("RESULT ") }) else {
            throw TestSocketError("\(method) failed: \(outcome.output)")
        }
        return try JSONSerialization.jsonObject(with: Data(line.dropFirst(7).utf8), options: [.fragmentsAllowed])
    }

    /// The rows of `roomInfo(room, adminPIN)`: `[tag, number, status, reason, muted, participant_id]`.
    func participants(room: String, adminPIN: String) async throws -> [[Any]] {
        let result = try await xmlrpc("roomInfo", [room, adminPIN]) as? [Any]
        return (result?[2] as? [[Any]]) ?? []
    }

    /// Asks roomInfo every 200 ms (each question runs Python) until a row satisfies `condition`,
    /// for up to `timeout`; the row, or `nil` when none came, for the test's own expectation to report.
    func waitForParticipant(
        room: String, adminPIN: String, timeout: Duration = .seconds(10), where condition: ([Any]) -> Bool
    ) async throws -> [Any]? {
        do {
            return try await eventuallyValue("a participant of room \(room) as expected", within: timeout, pollingEvery: .milliseconds(200)) {
                try await participants(room: room, adminPIN: adminPIN).first(where: condition)
            }
        } catch is WaitTimeout {
            return nil
        }
    }

    /// Asks roomInfo until `count` participants of `room` are Connected (status 3), for up to
    /// `timeout`; the Connected rows last seen.
    func waitForConnected(count: Int, room: String, adminPIN: String, timeout: Duration = .seconds(10)) async throws -> [[Any]] {
        var rows: [[Any]] = []
        do {
            try await eventually("\(count) participants Connected in room \(room)", within: timeout, pollingEvery: .milliseconds(200)) {
                rows = try await participants(room: room, adminPIN: adminPIN).filter { $0[2] as? Int == 3 }
                return rows.count >= count
            }
        } catch is WaitTimeout {}
        return rows
    }
}
