import Foundation
import MediaTesting
import SIPTesting
import Testing

/// `parley-bridge` mixing G.711 streamed by SIPp, a peer whose RTP comes from a file and from
/// another implementation than Parley's own: what the room makes of it is heard by a listener of
/// the test's own.
@Suite("parley-bridge with SIPp streaming G.711", .serialized)
struct ParleyBridgeSIPpAudioTests {
    /// Three tones well apart from each other and from the test prompts' 2000 Hz.
    private static let tones = [550.0, 850.0, 1250.0]
    /// A frequency nobody sends, to show the listener hears the tones and not broadband noise.
    private static let absentTone = 1600.0

    @Test("Three SIPp callers streaming µ-law tones into a direct room are all heard by a fourth caller")
    func threeStreamsAreMixed() async throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bridge-\(UUID().uuidString).json")
        // Calls to 77<room> go straight into <room>, without a PIN (SEMS direct_room_re / direct_room_strip).
        try #"{"dial-in": {"direct-room-pattern": "^77", "direct-room-strip": 2}}"#.write(to: config, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: config) }
        let server = try await ParleyBridgeServer(extraArguments: ["--config", config.path])
        defer { server.process.stop() }

        let listener = try await ParleyBridgeCaller(name: "listener", toneFrequency: nil)
        do {
            try await listener.dial(user: "776161", port: server.sipPort)
            try await checkThreeStreams(server: server, listener: listener)
        } catch {
            await listener.shutdown()
            throw error
        }
        listener.hangUp()
        await listener.shutdown()
    }

    private func checkThreeStreams(server: ParleyBridgeServer, listener: ParleyBridgeCaller) async throws {
        var callers: [SIPpToneCaller] = []
        defer { callers.forEach { $0.stop() } }
        for tone in Self.tones {
            callers.append(try SIPpToneCaller(toneFrequency: tone, service: "776161", port: server.sipPort, talking: .seconds(4)))
        }
        let connected = try await server.waitForConnected(count: 4, room: "6161", adminPIN: "")
        try #require(
            connected.count == 4,
            """
            the listener and three SIPp callers should be in room 6161; bridge:
            \(server.process.output)
            \(callers.map(\.report).joined(separator: "\n"))
            """)

        // Listen until every stream is heard (they start as each call is answered), at most 3 s.
        let detector = GoertzelDetector(sampleRate: 8000)
        var shares: [Double] = []
        var heard: [Int16] = []
        try? await eventually("the listener to hear all three streams", within: .seconds(3), pollingEvery: .milliseconds(200)) {
            heard = listener.peer.receivedAudio(last: .milliseconds(500))
            shares = Self.tones.map { detector.relativePower(of: $0, in: heard) }
            return !shares.contains(where: { $0 < 0.2 })
        }
        // Three tones of equal level share the energy about a third each.
        for (tone, share) in zip(Self.tones, shares) {
            #expect(share > 0.2, "the listener should hear \(tone) Hz (share \(share)); bridge:\n\(server.process.output)")
        }
        #expect(detector.relativePower(of: Self.absentTone, in: heard) < 0.01, "no tone was sent at \(Self.absentTone) Hz")

        for caller in callers {
            let status = try await caller.waitForExit()
            #expect(status == 0, "the \(caller.toneFrequency) Hz call should complete with BYE answered 200:\n\(caller.report)")
        }
        let remaining = try await server.participants(room: "6161", adminPIN: "").filter { $0[2] as? Int == 3 }
        #expect(remaining.count == 1, "only the listener stays connected after the SIPp callers hung up")
    }
}
