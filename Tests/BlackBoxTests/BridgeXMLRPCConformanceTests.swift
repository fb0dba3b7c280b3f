import Foundation
import SIPTesting
import Testing

/// SEMS webconference's XML-RPC methods, result codes, strings and faults, asked of a running
/// `parley-bridge` by Python's standard `xmlrpc.client` (what SEMS's own GUI and scripts use), in
/// each room mode, configured from a SEMS `webconference.conf`. Dial-out, mute, unmute and kickout
/// with real calls are in `ParleyBridgeDialOutTests`.
@Suite("parley-bridge XML-RPC conformance", .serialized)
struct BridgeXMLRPCConformanceTests {
    /// Writes a SEMS configuration file and starts the bridge with it.
    private func startBridge(_ configuration: String) async throws -> (bridge: ParleyBridgeServer, directory: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bridge-xmlrpc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("webconference.conf")
        try configuration.replacingOccurrences(of: "DIR", with: directory.path).write(to: file, atomically: true, encoding: .utf8)
        return (try await ParleyBridgeServer(extraArguments: ["--webconference-conf", file.path]), directory)
    }

    /// Runs one mode of the Python client against `bridge`; the script prints `ALL OK` or the first mismatch.
    private func runClient(mode: String, against bridge: ParleyBridgeServer, options: [String] = []) async throws {
        let python = try ExternalPeer(named: "python3", installHint: "apt-get install python3")
        let outcome = try await python.run(["-c", try Self.script(), bridge.xmlrpcURL, mode] + options, within: .seconds(30))
        #expect(outcome.output.contains("ALL OK"), "\(outcome.output)")
    }

    @Test("Open rooms with a master password: every method's codes and strings, faults, multicall, feedback lines, room timeout")
    func openRooms() async throws {
        let (bridge, directory) = try await startBridge("""
            master_password=master
            support_rooms_timeout=yes
            feedback_file=DIR/feedback.log
            """)
        defer { bridge.process.stop() }
        try await runClient(mode: "open", against: bridge, options: ["room-timeout"])
        let feedback = try String(contentsOf: directory.appendingPathComponent("feedback.log"), encoding: .utf8)
        let lines = feedback.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(feedback)")
        #expect(lines.first?.hasPrefix("RO 100|||4321|||4|||") == true)
        #expect(lines.dropFirst().first?.hasPrefix("CA|||100|||4321|||no-tag|||2|||") == true)
        #expect(lines.last?.hasPrefix("CO|||100|||4321|||5|||carol|||fine|||") == true)
        #expect(lines.allSatisfy { $0.hasSuffix("|||") })
        // resetFeedback("second.log") switched to a new file beside the first, and only there.
        let second = try String(contentsOf: directory.appendingPathComponent("second.log"), encoding: .utf8)
        #expect(second.hasPrefix("RO 101|||p|||3|||"), "\(second)")
    }

    @Test("The allow-list and basic credentials (additions, off by default) guard the XML-RPC API")
    func accessControl() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bridge-access-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = directory.appendingPathComponent("parley.yaml")
        try """
            xmlrpc:
              allow: ["127.0.0.1"]
              user: admin
              password: s3cret
            """.write(to: config, atomically: true, encoding: .utf8)
        let bridge = try await ParleyBridgeServer(extraArguments: ["--config", config.path])
        defer { bridge.process.stop() }
        let python = try ExternalPeer(named: "python3", installHint: "apt-get install python3")
        let script = """
            import sys, xmlrpc.client
            url = sys.argv[1]
            try:
                xmlrpc.client.ServerProxy(url).calls()
                print("NO-AUTH ACCEPTED")
            except xmlrpc.client.ProtocolError as e:
                print("NO-AUTH %d" % e.errcode)
            authed = url.replace("http://", "http://admin:s3cret@")
            print("AUTH %r" % xmlrpc.client.ServerProxy(authed).calls())
            """
        let outcome = try await python.run(["-c", script, bridge.xmlrpcURL], within: .seconds(10))
        #expect(outcome.output.contains("NO-AUTH 401"), "\(outcome.output)")
        #expect(outcome.output.contains("AUTH 0"), "\(outcome.output)")

        // A client not on the list is refused even with the right credentials.
        try """
            xmlrpc:
              allow: ["192.0.2.1"]
              user: admin
              password: s3cret
            """.write(to: config, atomically: true, encoding: .utf8)
        let strict = try await ParleyBridgeServer(extraArguments: ["--config", config.path])
        defer { strict.process.stop() }
        let refused = try await python.run(["-c", script, strict.xmlrpcURL], within: .seconds(10))
        #expect(refused.output.contains("NO-AUTH 403"), "\(refused.output)")
        #expect(!refused.output.contains("AUTH 0"), "\(refused.output)")
    }

    @Test("private_rooms=yes: unknown rooms are refused until roomCreate; invitations are listed")
    func privateRooms() async throws {
        let (bridge, _) = try await startBridge("private_rooms=yes\n")
        defer { bridge.process.stop() }
        try await runClient(mode: "private", against: bridge)
    }

    @Test("ignore_pin=yes: any admin PIN is accepted")
    func ignorePIN() async throws {
        let (bridge, _) = try await startBridge("ignore_pin=yes\n")
        defer { bridge.process.stop() }
        try await runClient(mode: "ignore_pin", against: bridge)
    }

    /// `Tests/Fixtures/webconference-client.py`, the client ControlAPI's server tests also run.
    private static func script() throws -> String {
        let path = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/webconference-client.py")
        return try String(contentsOf: path, encoding: .utf8)
    }
}
