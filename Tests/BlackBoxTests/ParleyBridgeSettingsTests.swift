import Foundation
import SIPCore
import SIPTesting
import Testing

/// `parley-bridge`'s config file: its webconference keys take effect, the command line wins over
/// it, and a misspelt key stops the bridge with a message naming it.
@Suite("parley-bridge settings")
struct ParleyBridgeSettingsTests {
    @Test("Config file keys reach the room rules, and the command line overrides the file")
    func configFileKeysTakeEffect() async throws {
        let config = try Self.write(
            """
            xmlrpc:
              listen: "overridden by the command line"
            rooms:
              master-password: sesame
              predefined: "one:1;two:2"
            """)
        let server = try await ParleyBridgeServer(extraArguments: ["--config", config])
        defer { server.process.stop() }
        let listed = try #require(try await server.xmlrpc("listRooms", ["sesame"]) as? [Any])
        #expect(listed[1] as? [String] == ["one", "two"])
        let refused = try #require(try await server.xmlrpc("roomInfo", ["two", "wrong"]) as? [Any])
        #expect(refused[0] as? Int == 1, "a predefined room keeps its admin PIN")
    }

    @Test("rooms.lonely-user-timer sends a caller who stays alone away")
    func lonelyUserTimer() async throws {
        let config = try Self.write("rooms:\n  lonely-user-timer: 1\n")
        let server = try await ParleyBridgeServer(extraArguments: ["--config", config])
        defer { server.process.stop() }
        let caller = try await ParleyBridgeCaller(name: "lonely", toneFrequency: nil)
        try await caller.dial(user: "conference", port: server.sipPort, headers: [SIPHeaderField(name: "P-App-Param", value: "room=quiet")])
        _ = try await server.process.waitForLine(containing: "entered room quiet (direct access: entered)", within: .seconds(10))
        let finished = try await server.waitForParticipant(room: "quiet", adminPIN: "", timeout: .seconds(5)) { $0[2] as? Int == 5 }
        #expect(finished != nil, "the lonely caller should be hung up after a second; output:\n\(server.process.output)")
        await caller.shutdown()
    }

    @Test("A misspelt config key stops the bridge with a message naming it")
    func unknownConfigKeyIsRefused() async throws {
        let config = try Self.write("rooms:\n  privat: true\n")
        let process = try PeerProcess.product("parley-bridge", arguments: ["--config", config, "--sip", "udp:127.0.0.1:0", "--xmlrpc", "off"])
        defer { process.stop() }
        _ = try? await process.waitForExit(within: .seconds(10))
        #expect(!process.isRunning, "the bridge must not start with an unknown key")
        // The whole message, read once the process has ended and its output is complete.
        _ = try await process.waitForLine(containing: "rooms.privat", within: .seconds(2))
        #expect(process.output.contains("unknown key(s) rooms.privat"))
    }

    private static func write(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bridge-\(UUID().uuidString).yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
