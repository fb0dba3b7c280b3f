import Foundation
import SIPCore
import SIPTesting
import Testing

/// RFC 4475's 49 torture messages sent over the network to a running `sip-echo-server`, each
/// checked against the outcome its manifest row names.
///
/// Responses go where the request's Via says (RFC 3261 §18.2.2): the torture messages name no
/// port, so the client listens on 127.0.0.1:5060 — the private test namespace of `Scripts/test.sh`
/// keeps that port free — and the server runs on a port of its own.
@Suite(.serialized) struct EchoServerRFC4475Tests {
    /// The echo server's answer to each message over UDP; `nil` means no answer at all.
    static let expectedOverUDP: [String: Int?] = [
        "wsinv": 486, "intmeth": 501, "esc01": 486, "escnull": 200, "esc02": 501, "lwsdisp": 200,
        "longreq": 486, "dblreq": 200, "semiuri": 200, "transports": 200, "mpart01": 200, "unreason": nil,
        "noreason": nil, "badinv01": 400, "clerr": 400, "ncl": 400, "scalar02": 400, "scalarlg": nil,
        "quotbal": 400, "ltgtruri": 400, "lwsruri": 400, "lwsstart": 400, "trws": 400, "escruri": 400,
        "baddate": 486, "regbadct": 400, "badaspec": 400, "baddn": 400, "badvers": 505, "mismatch01": 400,
        "mismatch02": 400, "bigcode": nil, "badbranch": 200, "insuf": 400, "unkscm": 416, "novelsc": 416,
        "unksm2": 400, "bext01": 420, "invut": 415, "regaut01": 200, "multi01": 400, "mcl01": 400,
        "bcast": nil, "zeromf": 200, "cparam01": 200, "cparam02": 200, "regescrt": 200, "sdp01": 406,
        "inv2543": 486,
    ]

    static let fixtures = try! RFC4475Fixtures()

    @Test func everyMessageGetsItsManifestOutcomeOverUDP() async throws {
        #expect(Set(Self.expectedOverUDP.keys) == Set(Self.fixtures.entries.map(\.tag)))
        var server = try await EchoServer(tcp: false)
        var keysSeen: Set<TransactionKey> = []
        let client = try TestUDPSocket(host: "127.0.0.1", port: 5060)
        for entry in Self.fixtures.entries {
            // Several torture messages share a Via branch and sent-by, which makes a later one a
            // retransmission of an earlier one (RFC 3261 §17.2.3); each of those meets a fresh server.
            if let key = (try? SIPMessage(parsing: entry.bytes)).flatMap(TransactionKey.server(for:)),
               !keysSeen.insert(key).inserted {
                try await server.expectAlive()
                server = try await EchoServer(tcp: false)
                keysSeen = [key]
            }
            try client.send(entry.bytes, to: "127.0.0.1", port: server.udpPort)
            let expected = Self.expectedOverUDP[entry.tag]!
            let answers = await Self.responses(
                to: entry.bytes, from: client, firstWait: expected == nil ? .milliseconds(400) : .seconds(2),
                waitingAfterFirst: .milliseconds(150))
            let finalAnswers = answers.compactMap(RawSIPText.statusCode).filter { $0 >= 200 }
            #expect(finalAnswers == (expected.map { [$0] } ?? []), "\(entry.tag): \(entry.uasAction)")
        }
        try await server.expectAlive()
    }

    @Test func streamFramingOverTCP() async throws {
        let server = try await EchoServer(tcp: true)
        // Messages whose meaning does not depend on datagram boundaries get the same answer over TCP;
        // the others are framed differently on a stream (RFC 3261 §18.3): no Content-Length, no
        // empty line after the headers (baddn), or a Content-Length that does not match.
        let datagramOnly: Set = ["dblreq", "inv2543", "baddn", "clerr", "ncl", "mcl01"]
        for entry in Self.fixtures.entries where !datagramOnly.contains(entry.tag) {
            let connection = try TestTCPConnection(host: "127.0.0.1", port: server.tcpPort)
            try connection.send(entry.bytes)
            let expected = Self.expectedOverUDP[entry.tag]!
            var answer = await connection.receiveMessage(within: .milliseconds(expected == nil ? 300 : 2000))
            if let provisional = answer.flatMap(RawSIPText.statusCode), provisional < 200 {
                answer = await connection.receiveMessage(within: .seconds(2))
            }
            #expect(answer.flatMap(RawSIPText.statusCode) == expected, "\(entry.tag) over TCP")
        }
        // RFC 5626 §4.4.1: a double-CRLF ping on the stream is answered with a single CRLF pong.
        let keptAlive = try TestTCPConnection(host: "127.0.0.1", port: server.tcpPort)
        try keptAlive.send(Array("\r\n\r\n".utf8))
        #expect(await keptAlive.receiveBytes(within: .seconds(2)) == Array("\r\n".utf8))
        // Content-Length larger than what came: wait for more, answer nothing (RFC 4475 §3.1.2.2).
        let waiting = try TestTCPConnection(host: "127.0.0.1", port: server.tcpPort)
        try waiting.send(Self.fixtures["clerr"]!.bytes)
        #expect(await waiting.receiveMessage(within: .milliseconds(300)) == nil)
        #expect(await !waiting.isClosedByPeer(within: .milliseconds(100)))
        // Negative or conflicting Content-Length: framing is lost, the connection is closed.
        for tag in ["ncl", "mcl01"] {
            let broken = try TestTCPConnection(host: "127.0.0.1", port: server.tcpPort)
            try broken.send(Self.fixtures[tag]!.bytes)
            #expect(await broken.isClosedByPeer(within: .seconds(2)), "\(tag) closes the connection")
        }
        try await server.expectAlive()
    }

    /// Every response that belongs to `request` (same Call-ID and CSeq): the first awaited up to
    /// `firstWait`, later ones until `waitingAfterFirst` passes with nothing new. Retransmitted
    /// answers to earlier requests are skipped.
    static func responses(
        to request: [UInt8], from client: TestUDPSocket, firstWait: Duration, waitingAfterFirst: Duration
    ) async -> [[UInt8]] {
        let callID = RawSIPText.callID(request), cseq = RawSIPText.cseq(request)
        return await client.receiveBurst(firstWithin: firstWait, quietAfter: waitingAfterFirst) { datagram in
            RawSIPText.callID(datagram) == callID && RawSIPText.cseq(datagram) == cseq
        }
    }
}
