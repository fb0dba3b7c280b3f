import Foundation
import SIPTesting
import Testing

/// A caller whose Contact cannot be reached must not make the bridge deaf: the kick's BYE to it
/// fails, that call ends, and every listener keeps serving.
@Suite("parley-bridge with an unreachable Contact")
struct BridgeUnreachableContactTests {
    /// The limited broadcast address: the kernel refuses a send to it at once (`EACCES`, or
    /// `ENETUNREACH` where only loopback exists), so nothing leaves the machine.
    static let unreachable = "255.255.255.255"

    @Test("A caller whose Contact is unreachable is kicked; the bridge still answers the next INVITE and OPTIONS")
    func kickToAnUnreachableContactLeavesTheBridgeServing() async throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bridge-\(UUID().uuidString).yaml")
        try "dial-in:\n  direct-room-pattern: \"^77\"\n  direct-room-strip: 2\n".write(to: config, atomically: true, encoding: .utf8)
        let server = try await ParleyBridgeServer(extraArguments: ["--config", config.path])
        defer { server.process.stop() }

        // A phone that sends from loopback but names an unreachable address in its Contact.
        let phone = try TestUDPSocket()
        let rtp = try TestUDPSocket()
        let invite = Self.invite(callID: "unreachable-1", sipPort: phone.port, rtpPort: rtp.port, bridgePort: server.sipPort)
        try phone.send(Array(invite.utf8), port: server.sipPort)
        let ok = try await eventuallyValue("the bridge's 200 to the INVITE") { () async -> [UInt8]? in
            guard let reply = await phone.receive(within: .milliseconds(500)) else { return nil }
            return RawSIPText.statusCode(reply.bytes) == 200 ? reply.bytes : nil
        }
        let toTag = try #require(RawSIPText.header(["to", "t"], in: ok)?.components(separatedBy: "tag=").last)
        try phone.send(Array(Self.ack(callID: "unreachable-1", toTag: toTag, sipPort: phone.port, bridgePort: server.sipPort).utf8), port: server.sipPort)
        let row = try #require(try await server.waitForParticipant(room: "4711", adminPIN: "") { $0[2] as? Int == 3 })
        let tag = try #require(row[0] as? String)

        // The kick: the BYE goes to the Contact, which the kernel refuses.
        let kicked = try #require(try await server.xmlrpc("kickout", ["4711", "", tag]) as? [Any])
        #expect(kicked[0] as? Int == 0)
        let finished = try await server.waitForParticipant(room: "4711", adminPIN: "") { $0[0] as? String == tag && $0[2] as? Int == 5 }
        #expect(finished != nil, "the call whose BYE could not be sent ends; output:\n\(server.process.output)")

        // The listener still serves: OPTIONS is answered, and a new caller joins the room.
        let prober = try TestUDPSocket()
        let options = try await eventuallyValue("the bridge to answer OPTIONS after the failed BYE", detail: { server.process.output }) {
            () async throws -> Int? in
            try prober.send(Array(Self.options(sipPort: prober.port, bridgePort: server.sipPort).utf8), port: server.sipPort)
            return await prober.receive(within: .milliseconds(500)).flatMap { RawSIPText.statusCode($0.bytes) }
        }
        #expect(options == 200)
        let caller = try await ParleyBridgeCaller(name: "next", toneFrequency: nil)
        try await caller.dial(user: "774711", port: server.sipPort)
        let joined = try await server.waitForParticipant(room: "4711", adminPIN: "") {
            $0[1] as? String == "sip:next@127.0.0.1" && $0[2] as? Int == 3
        }
        #expect(joined != nil)
        caller.hangUp()
        await caller.shutdown()
    }

    private static func invite(callID: String, sipPort: Int, rtpPort: Int, bridgePort: Int) -> String {
        let sdp = "v=0\r\no=phone 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio \(rtpPort) RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"
        return """
            INVITE sip:774711@127.0.0.1:\(bridgePort) SIP/2.0\r
            Via: SIP/2.0/UDP 127.0.0.1:\(sipPort);branch=z9hG4bK-unreachable-invite\r
            Max-Forwards: 70\r
            From: <sip:far@example.org>;tag=far-1\r
            To: <sip:774711@127.0.0.1>\r
            Call-ID: \(callID)\r
            CSeq: 1 INVITE\r
            Contact: <sip:far@\(unreachable):5060>\r
            Content-Type: application/sdp\r
            Content-Length: \(sdp.utf8.count)\r
            \r
            \(sdp)
            """
    }

    private static func ack(callID: String, toTag: String, sipPort: Int, bridgePort: Int) -> String {
        """
        ACK sip:conference@127.0.0.1:\(bridgePort) SIP/2.0\r
        Via: SIP/2.0/UDP 127.0.0.1:\(sipPort);branch=z9hG4bK-unreachable-ack\r
        Max-Forwards: 70\r
        From: <sip:far@example.org>;tag=far-1\r
        To: <sip:774711@127.0.0.1>;tag=\(toTag)\r
        Call-ID: \(callID)\r
        CSeq: 1 ACK\r
        Content-Length: 0\r
        \r

        """
    }

    private static func options(sipPort: Int, bridgePort: Int) -> String {
        """
        OPTIONS sip:conference@127.0.0.1:\(bridgePort) SIP/2.0\r
        Via: SIP/2.0/UDP 127.0.0.1:\(sipPort);branch=z9hG4bK-probe-\(UUID().uuidString)\r
        Max-Forwards: 70\r
        From: <sip:probe@example.org>;tag=probe\r
        To: <sip:conference@127.0.0.1>\r
        Call-ID: probe-\(UUID().uuidString)\r
        CSeq: 1 OPTIONS\r
        Content-Length: 0\r
        \r

        """
    }
}
