import Foundation
import MediaMixer
import MediaTesting
import SIPCore
import SIPTesting
import Testing

/// `parley-bridge`'s dial-out progress as roomInfo shows it, and room-number entry by SIP INFO.
@Suite("parley-bridge call progress", .serialized)
struct ParleyBridgeDialOutTests {
    @Test("A dial-out that rings and is turned down shows Ringing, then Finished '486 Busy Here'")
    func busyCallee() async throws {
        let server = try await ParleyBridgeServer()
        defer { server.process.stop() }
        let sippCallee = try await SIPpCallee(scenario: "bridge-uas-busy")
        let port = sippCallee.port
        let callee = sippCallee.run

        let room = "busy\(Int.random(in: 1000...9999))"
        let dialed = try #require(
            try await server.xmlrpc("dialout", [room, "", "carol", "parley", "127.0.0.1:\(port)", "", ""]) as? [Any])
        let tag = try #require(dialed[2] as? String)
        let ringing = try await server.waitForParticipant(room: room, adminPIN: "") { $0[0] as? String == tag && $0[2] as? Int == 2 }
        #expect(ringing?[3] as? String == "180 Ringing", "output:\n\(server.process.output)")
        let finished = try await server.waitForParticipant(room: room, adminPIN: "") { $0[0] as? String == tag && $0[2] as? Int == 5 }
        #expect(finished?[3] as? String == "486 Busy Here")
        #expect(try await callee.value.exitStatus == 0)
    }

    @Test("Kicking a dial-out that is still ringing CANCELs its INVITE")
    func kickWhileRinging() async throws {
        let server = try await ParleyBridgeServer()
        defer { server.process.stop() }
        let sippCallee = try await SIPpCallee(scenario: "bridge-uas-cancel")
        let port = sippCallee.port
        let callee = sippCallee.run
        let dialed = try #require(try await server.xmlrpc("dialout", ["early", "", "frank", "parley", "127.0.0.1:\(port)", "", ""]) as? [Any])
        let tag = try #require(dialed[2] as? String)
        let ringing = try await server.waitForParticipant(room: "early", adminPIN: "") { $0[0] as? String == tag && $0[2] as? Int == 2 }
        #expect(ringing != nil)

        _ = try await server.xmlrpc("kickout", ["early", "", tag])
        let outcome = try await callee.value
        #expect(outcome.exitStatus == 0, "the callee should get a CANCEL:\n\(outcome.output)")
        let finished = try await server.waitForParticipant(room: "early", adminPIN: "") { $0[0] as? String == tag && $0[2] as? Int == 5 }
        #expect(finished != nil, "output:\n\(server.process.output)")
    }

    @Test("While a dial-out rings, the room hears ringback (440 + 480 Hz); a caller reaches it by P-App-Param room=")
    func ringbackWhileRinging() async throws {
        let server = try await ParleyBridgeServer()
        defer { server.process.stop() }
        let alice = try await ParleyBridgeCaller(name: "alice", toneFrequency: nil)
        try await alice.dial(user: "conference", port: server.sipPort, headers: [SIPHeaderField(name: "P-App-Param", value: "room=ringing")])
        let sippCallee = try await SIPpCallee(scenario: "bridge-uas-busy")
        let port = sippCallee.port
        let callee = sippCallee.run
        let joined = try await server.waitForParticipant(room: "ringing", adminPIN: "") { $0[1] as? String == "sip:alice@127.0.0.1" }
        #expect(joined?[3] as? String == "direct access: entered")

        _ = try await server.xmlrpc("dialout", ["ringing", "", "erin", "parley", "127.0.0.1:\(port)", "", ""])
        // The callee rings for 2.5 s and ringback's first burst lasts 2 s: listen until it is heard
        // (a busy test machine may take a while to deliver the 180), at most 2 s.
        let detector = GoertzelDetector(sampleRate: 8000)
        var heard: [Int16] = []
        try? await eventually("alice to hear ringback", within: .seconds(2), pollingEvery: .milliseconds(100)) {
            heard = alice.peer.receivedAudio(last: .milliseconds(300))
            return detector.relativePower(of: 440, in: heard) > 0.3 && detector.relativePower(of: 480, in: heard) > 0.3
        }
        #expect(detector.relativePower(of: 440, in: heard) > 0.3, "ringback's 440 Hz; output:\n\(server.process.output)")
        #expect(detector.relativePower(of: 480, in: heard) > 0.3, "ringback's 480 Hz")
        #expect(detector.relativePower(of: 1000, in: heard) < 0.05)

        #expect(try await callee.value.exitStatus == 0)
        try? await eventually("the ringback to stop") {
            detector.relativePower(of: 440, in: alice.peer.receivedAudio(last: .milliseconds(200))) < 0.3
        }
        let after = detector.relativePower(of: 440, in: alice.peer.receivedAudio(last: .milliseconds(200)))
        #expect(after < 0.3, "the ringback stops when the callee turns the call down")
        alice.hangUp()
        await alice.shutdown()
    }

    @Test("A dial-out's early media (183 with SDP) is heard in the room instead of the ringback")
    func earlyMediaIsHeard() async throws {
        let server = try await ParleyBridgeServer()
        defer { server.process.stop() }
        let alice = try await ParleyBridgeCaller(name: "alice", toneFrequency: nil)
        try await alice.dial(user: "conference", port: server.sipPort, headers: [SIPHeaderField(name: "P-App-Param", value: "room=early-media")])
        let sippCallee = try await SIPpCallee(scenarioPath: try Self.earlyMediaScenario(toneFrequency: 700))
        let port = sippCallee.port
        let callee = sippCallee.run
        _ = try await server.waitForParticipant(room: "early-media", adminPIN: "") { $0[2] as? Int == 3 }

        _ = try await server.xmlrpc("dialout", ["early-media", "", "grace", "parley", "127.0.0.1:\(port)", "", ""])
        let detector = GoertzelDetector(sampleRate: 8000)
        try? await eventually("the callee's early media to be heard in the room") {
            detector.relativePower(of: 700, in: alice.peer.receivedAudio(last: .milliseconds(400))) > 0.5
        }
        let heard = alice.peer.receivedAudio(last: .milliseconds(400))
        #expect(detector.relativePower(of: 700, in: heard) > 0.5, "the callee's announcement should be heard; output:\n\(server.process.output)")
        #expect(detector.relativePower(of: 440, in: heard) < 0.1 && detector.relativePower(of: 480, in: heard) < 0.1,
                "no ringback over early media")
        #expect(try await callee.value.exitStatus == 0)
        alice.hangUp()
        await alice.shutdown()
    }

    /// Where SIPp writes unexpected messages: the temporary folder, not the working directory.
    /// The early-media callee scenario with a 3 s µ-law WAV of a tone for SIPp's `rtp_stream`,
    /// both written to the temporary folder; returns the scenario's path.
    private static func earlyMediaScenario(toneFrequency: Double) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bridge-early-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var tone = ToneGenerator(frequency: toneFrequency, sampleRate: 8000)
        let encoder = try AudioCodecFactory.makeEncoder(.pcmu)
        var encoded: [UInt8] = []
        for _ in 0..<150 {
            let pcm = tone.next(160)
            var payload = [UInt8](repeating: 0, count: 160)
            let count = try pcm.withUnsafeBufferPointer { samples in
                try payload.withUnsafeMutableBufferPointer { try encoder.encode(samples, into: $0) }
            }
            encoded += payload[..<count]
        }
        let wav = folder.appendingPathComponent("early-media-ulaw.wav")
        try WAVFile.file(body: encoded, format: 7, bitsPerSample: 8).write(to: wav)
        let template = try String(
            contentsOf: SIPp.scenarioDirectory.appendingPathComponent("bridge-uas-early-media.xml"), encoding: .utf8)
        let scenario = folder.appendingPathComponent("bridge-uas-early-media.xml")
        try template.replacingOccurrences(of: "EARLY_MEDIA_WAV", with: wav.path).write(to: scenario, atomically: true, encoding: .utf8)
        return scenario.path
    }

    @Test("SIGTERM hangs up every call with BYE and saves the call statistics in the SQLite database")
    func gracefulShutdown() async throws {
        let server = try await ParleyBridgeServer()
        let sippCallee = try await SIPpCallee(scenario: "bridge-uas-answer")
        let port = sippCallee.port
        let callee = sippCallee.run
        let dialed = try #require(try await server.xmlrpc("dialout", ["closing", "", "dave", "parley", "127.0.0.1:\(port)", "", ""]) as? [Any])
        let tag = try #require(dialed[2] as? String)
        let connected = try await server.waitForParticipant(room: "closing", adminPIN: "") { $0[0] as? String == tag && $0[2] as? Int == 3 }
        #expect(connected != nil)

        server.process.stop()
        #expect(try await callee.value.exitStatus == 0, "the callee should get a BYE when the bridge stops")
        let python = try ExternalPeer(named: "python3", installHint: "apt-get install python3")
        let counters = try await python.run(
            ["-c", "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('SELECT total, failed FROM call_statistics').fetchall())",
             server.databasePath],
            within: .seconds(10))
        #expect(counters.output.contains("[(1, 0)]"), "one successful call saved: \(counters.output)")
    }

    @Test(
        "An INVITE without SDP gets the bridge's offer in the 200, and the caller joins the room of its P-App-Param",
        arguments: SIPpTransport.allCases)
    func lateOffer(transport: SIPpTransport) async throws {
        let tcpPort = try ExternalPeer.freePort()
        let server = try await ParleyBridgeServer(extraArguments: ["--sip", "tcp:127.0.0.1:\(tcpPort)"])
        defer { server.process.stop() }
        let sipp = try SIPp()
        let port = transport == .udp ? server.sipPort : tcpPort
        let caller = Task { try await sipp.run("bridge-uac-late-offer", port: port, transport: transport) }
        // The call lasts 1.5 s; the log line outlives it, unlike the row's Connected status.
        _ = try await server.process.waitForLine(containing: "entered room late (direct access: entered)", within: .seconds(10))
        let run = try await caller.value
        #expect(run.allCallsSucceeded, "\(run.outcome.output.suffix(2000))\n\(run.errors)")
    }

    @Test("A caller who types 42# by SIP INFO dtmf-relay enters room 42")
    func callerEntersRoomBySIPInfo() async throws {
        let server = try await ParleyBridgeServer()
        defer { server.process.stop() }
        let caller = try await ParleyBridgeCaller(toneFrequency: nil)
        try await caller.dial(user: "conference", port: server.sipPort)
        for key in ["4", "2", "#"] {
            caller.sendInfo(contentType: "application/dtmf-relay", body: "Signal=\(key)\r\nDuration=160\r\n")
            // Pacing, as a phone sends one INFO per key press; the row below is what is awaited.
            try await Task.sleep(for: .milliseconds(150))
        }
        let row = try await server.waitForParticipant(room: "42", adminPIN: "") { $0[2] as? Int == 3 }
        #expect(row?[3] as? String == "entered", "output:\n\(server.process.output)")
        caller.hangUp()
        await caller.shutdown()
    }
}
