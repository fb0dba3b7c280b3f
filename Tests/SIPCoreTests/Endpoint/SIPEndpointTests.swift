import NIOPosix
import SIPCore
import SIPTesting
import Synchronization
import Testing

/// Two endpoints talking over real loopback sockets: client and server transactions, the
/// transports, RFC 3581 stamping and §18.2.2 routing together.
@Suite struct SIPEndpointTests {
    /// A server endpoint answering with `answer`, recording every request it saw.
    final class Server: Sendable {
        /// The requests seen so far, in order.
        final class Log: Sendable {
            private let requests = Mutex<[IncomingRequest]>([])
            func append(_ request: IncomingRequest) { requests.withLock { $0.append(request) } }
            func withLock<Result>(_ body: ([IncomingRequest]) -> Result) -> Result { requests.withLock { body($0) } }
        }

        let endpoint: SIPEndpoint
        let seen = Log()

        init(host: String = "127.0.0.1", transports: [SIPTransportProtocol] = [.udp, .tcp],
             answer: @escaping @Sendable (IncomingRequest) -> Void = { $0.respond(statusCode: 200) }) throws {
            let addresses = try transports.map { try SIPTransportAddress($0, host: host, port: 0) }
            let seen = self.seen
            endpoint = SIPEndpoint(
                configuration: .init(listenAddresses: addresses), eventLoop: MultiThreadedEventLoopGroup.singleton.next()
            ) { request in
                seen.append(request)
                answer(request)
            }
        }

        func address(_ transport: SIPTransportProtocol) async throws -> SIPTransportAddress {
            try #require(try await endpoint.boundAddresses().first { $0.transport == transport })
        }
    }

    static func client(host: String = "127.0.0.1", t1: Duration = .milliseconds(500)) async throws -> SIPEndpoint {
        let addresses = try [SIPTransportAddress(.udp, host: host, port: 0), SIPTransportAddress(.tcp, host: host, port: 0)]
        let endpoint = SIPEndpoint(
            configuration: .init(listenAddresses: addresses, transactions: TransactionConfiguration(t1: t1)),
            eventLoop: MultiThreadedEventLoopGroup.singleton.next(), requestHandler: { _ in })
        _ = try await endpoint.start()
        return endpoint
    }

    static func request(_ method: SIPMethod, to destination: SIPTransportAddress, via: SIPVia, sequenceNumber: UInt32 = 1) -> SIPMessage {
        let host = destination.host.contains(":") ? "[\(destination.host)]" : destination.host
        let uri = try! SIPURI(parsing: "sip:echo@\(host):\(destination.port)")
        return SIPMessage(
            request: method, uri: uri, via: via,
            from: SIPNameAddress(uri: try! SIPURI(parsing: "sip:alice@example.com"), parameters: [SIPParameter(name: "tag", value: SIPIdentifiers.tag())]),
            to: SIPNameAddress(uri: try! SIPURI(parsing: "sip:echo@example.com")),
            callID: SIPIdentifiers.callID(), sequenceNumber: sequenceNumber)
    }

    @Test(arguments: [SIPTransportProtocol.udp, .tcp], ["127.0.0.1", "::1"])
    func optionsGetsItsAnswer(transport: SIPTransportProtocol, host: String) async throws {
        let server = try Server(host: host)
        _ = try await server.endpoint.start()
        let client = try await Self.client(host: host)
        let destination = try await server.address(transport)
        let via = client.makeVia(for: transport)
        let response = try await client.send(Self.request(.options, to: destination, via: via), to: destination)
        #expect(response.statusCode == 200)
        #expect(response.to.tag != nil)
        #expect(response.headers[.server] == "Parley")
        let seen = try #require(server.seen.withLock { $0.first })
        // RFC 3581: the client asked for rport, so the server stamped received and rport.
        #expect(seen.message.topVia?.received == host)
        #expect(seen.message.topVia?.rport == .some(seen.source.port))
        await client.shutdown()
        await server.endpoint.shutdown()
    }

    @Test func tcpConnectionIsReusedForLaterRequests() async throws {
        let server = try Server()
        _ = try await server.endpoint.start()
        let client = try await Self.client()
        let destination = try await server.address(.tcp)
        for sequence in UInt32(1)...3 {
            let via = client.makeVia(for: .tcp)
            let response = try await client.send(Self.request(.message, to: destination, via: via, sequenceNumber: sequence), to: destination)
            #expect(response.statusCode == 200)
        }
        let ports = Set(server.seen.withLock { $0.map(\.source.port) })
        #expect(ports.count == 1, "all three requests came over one connection")
        await client.shutdown()
        await server.endpoint.shutdown()
    }

    @Test func unansweredRequestTimesOutAfterRetransmitting() async throws {
        let silent = try TestUDPSocket()
        let client = try await Self.client(t1: .milliseconds(20))
        let destination = try SIPTransportAddress(.udp, host: "127.0.0.1", port: silent.port)
        let via = client.makeVia(for: .udp)
        await #expect(throws: SIPTransactionError(.timeout, "no final response within 64*T1")) {
            try await client.send(Self.request(.options, to: destination, via: via), to: destination)
        }
        // Timer E: sends at 0, T1, 3T1, 7T1, 15T1, 31T1 and 63T1 before Timer F at 64T1 (RFC 3261 §17.1.2.2).
        // The exact schedule is checked on a mock clock (ClientNonInviteTransactionTests); on a
        // busy machine the last send may fall after Timer F, so here it is only "retransmitted".
        let received = await silent.receiveAll(window: .milliseconds(100))
        #expect((2...7).contains(received.count))
        #expect(Set(received.map { RawBranch.of($0) }).count == 1, "retransmissions keep the branch")
        await client.shutdown()
    }

    @Test func cancelEndsAPendingInviteWith487() async throws {
        let server = try Server(transports: [.udp]) { _ in }  // never answers the INVITE itself
        _ = try await server.endpoint.start()
        let client = try await Self.client()
        let destination = try await server.address(.udp)
        let invite = Self.request(.invite, to: destination, via: client.makeVia(for: .udp))
        async let inviteResponse = client.send(invite, to: destination)
        try await eventually("the server to see the INVITE") { !server.seen.withLock { $0.isEmpty } }
        let cancelResponse = try await client.send(SIPMessage(cancelling: invite), to: destination)
        #expect(cancelResponse.statusCode == 200)
        #expect(try await inviteResponse.statusCode == 487)
        #expect(server.seen.withLock { $0.map(\.message.method) } == [.invite, .cancel])
        await client.shutdown()
        await server.endpoint.shutdown()
    }

    @Test func cancelForUnknownInviteGets481() async throws {
        let server = try Server(transports: [.udp])
        _ = try await server.endpoint.start()
        let client = try await Self.client()
        let destination = try await server.address(.udp)
        let invite = Self.request(.invite, to: destination, via: client.makeVia(for: .udp))
        let response = try await client.send(SIPMessage(cancelling: invite), to: destination)
        #expect(response.statusCode == 481)
        await client.shutdown()
        await server.endpoint.shutdown()
    }

    @Test func malformedRequestGets400WithTheReason() async throws {
        let server = try Server(transports: [.udp])
        _ = try await server.endpoint.start()
        let destination = try await server.address(.udp)
        let socket = try TestUDPSocket()
        let text = """
            OPTIONS sip:echo@127.0.0.1 SIP/2.0\r
            Via: SIP/2.0/UDP 127.0.0.1:\(socket.port);branch=z9hG4bK-bad-cseq;rport\r
            From: <sip:a@example.com>;tag=1\r
            To: <sip:echo@example.com>\r
            Call-ID: bad-cseq\r
            CSeq: 99999999999 OPTIONS\r
            Content-Length: 0\r
            \r

            """
        try socket.send(Array(text.utf8), to: "127.0.0.1", port: destination.port)
        let answer = try #require(await socket.receive(within: .seconds(2)))
        // The response copies the out-of-range CSeq, so it is checked as text, not parsed.
        let answerText = String(decoding: answer.bytes, as: UTF8.self)
        #expect(answerText.hasPrefix("SIP/2.0 400 Bad Request (CSeq number out of range)\r\n"))
        #expect(answerText.contains("\r\nCall-ID: bad-cseq\r\n") && answerText.contains(";tag="))
        #expect(server.seen.withLock { $0.isEmpty }, "the TU never sees a malformed request")
        await server.endpoint.shutdown()
    }
}

/// The first Via branch of raw message bytes.
enum RawBranch {
    static func of(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let range = text.range(of: "branch=") else { return "" }
        return String(text[range.upperBound...].prefix { $0 != ";" && $0 != "\r" && $0 != "," })
    }
}
