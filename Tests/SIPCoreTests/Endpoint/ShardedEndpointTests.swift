import NIOPosix
import SIPCore
import SIPTesting
import Testing

/// An endpoint spread over two event loops sends a fan-out from both shards' sockets, each copy
/// from the port its Via names, and every response finds its transaction.
@Suite struct ShardedEndpointTests {
    /// Waits until the endpoint has no client transaction open, for at most `timeout`.
    static func settle(_ endpoint: SIPEndpoint, timeout: Duration = .seconds(5)) async throws {
        try await eventually("the endpoint to have no client transaction open", within: timeout) {
            endpoint.pendingClientTransactionCount == 0
        }
    }

    static func fanOut(to targets: [SIPTransportAddress], user: (Int) -> String) throws -> SIPRequestFanOut {
        var fanOut = SIPRequestFanOut(
            method: .message, from: try SIPURI(parsing: "sip:chat-1@127.0.0.1"), sequenceNumber: 10,
            headers: [SIPHeaderField(name: "Content-Type", value: "text/plain")], body: Array("[alice]: hi".utf8))
        for (index, destination) in targets.enumerated() {
            let host = destination.host.contains(":") ? "[\(destination.host)]" : destination.host
            fanOut.addTarget(try SIPURI(parsing: "sip:\(user(index))@\(host):\(destination.port)"), destination: destination)
        }
        return fanOut
    }

    @Test func fanOutSpreadsOverShardsAndEveryResponseMatches() async throws {
        let server = try SIPEndpointTests.Server(transports: [.udp])
        _ = try await server.endpoint.start()
        let destination = try await server.address(.udp)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let client = SIPEndpoint(
            configuration: .init(listenAddresses: [try SIPTransportAddress(.udp, host: "127.0.0.1", port: 0)]),
            eventLoops: Array(group.makeIterator()), requestHandler: { _ in })
        let listening = try #require(try await client.start().first)

        client.fanOut(try Self.fanOut(to: Array(repeating: destination, count: 40)) { "u\($0)" })
        try await Self.settle(client)
        #expect(client.pendingClientTransactionCount == 0, "every copy got its 200")

        let seen = server.seen.withLock { $0 }
        #expect(seen.count == 40)
        #expect(Set(seen.compactMap { $0.message.requestURI?.user }) == Set((0..<40).map { "u\($0)" }))
        #expect(Set(seen.compactMap { $0.message.topVia?.branch }).count == 40)
        #expect(Set(seen.map { $0.message.callID }).count == 40)
        #expect(Set(seen.compactMap { $0.message.from.tag }).count == 40)
        #expect(seen.allSatisfy { $0.message.to.uri == $0.message.requestURI && $0.message.body == Array("[alice]: hi".utf8) })
        // RFC 3261 §18.1.1: each copy left from the socket its Via names, so its response (sent to
        // the Via's received/rport, §18.2.2) came back to the shard that holds it.
        let ports = seen.map { ($0.source.port, $0.message.topVia?.port) }
        #expect(ports.allSatisfy { source, via in source == via })
        #expect(Set(ports.map(\.0)).count == 2, "both shards sent")
        #expect(ports.contains { $0.0 == listening.port }, "shard 0 sends from the listening socket")
        await client.shutdown()
        await server.endpoint.shutdown()
        try await group.shutdownGracefully()
    }

    @Test func unansweredCopyIsRetransmittedThenTimesOut() async throws {
        let silent = try TestUDPSocket()
        let client = try await SIPEndpointTests.client(t1: .milliseconds(50))
        let destination = try SIPTransportAddress(.udp, host: "127.0.0.1", port: silent.port)
        client.fanOut(try Self.fanOut(to: [destination]) { _ in "mute" })
        #expect(client.pendingClientTransactionCount == 1)

        // Timer E at 50, 150, 350, 750 ms: the first send and four retransmissions in 0.9 s.
        let received = await silent.receiveAll(window: .milliseconds(900))
        #expect(received.count == 5)
        #expect(Set(received).count == 1, "a retransmission is the same request")
        #expect(client.pendingClientTransactionCount == 1)
        // Timer F at 64*T1 = 3.2 s ends it.
        try await Self.settle(client)
        #expect(client.pendingClientTransactionCount == 0)
        await client.shutdown()
    }

    @Test func finalResponseStopsRetransmissionsAndRetransmittedResponsesAreAbsorbed() async throws {
        let peer = try TestUDPSocket()
        let client = try await SIPEndpointTests.client(t1: .milliseconds(50))
        let destination = try SIPTransportAddress(.udp, host: "127.0.0.1", port: peer.port)
        client.fanOut(try Self.fanOut(to: [destination]) { _ in "bob" })
        // Answered on the receiving thread: with T1 at 50 ms a late answer would meet a retransmission.
        try #require(await peer.receive { bytes in
            guard let request = try? SIPMessage(parsing: bytes) else { return [] }
            var response = SIPMessage(responseTo: request, statusCode: 200)
            response.to.tag = "b1"
            return Array(repeating: response.serialized(), count: 3)
        } != nil)
        try await Self.settle(client)
        #expect(client.pendingClientTransactionCount == 0)
        #expect(await peer.receiveAll(window: .milliseconds(400)).isEmpty, "no retransmission after the 200, no answer to its copies")
        await client.shutdown()
    }

    @Test func copyToATCPTargetTakesTheOrdinaryPath() async throws {
        let server = try SIPEndpointTests.Server(transports: [.tcp])
        _ = try await server.endpoint.start()
        let destination = try await server.address(.tcp)
        let client = try await SIPEndpointTests.client()
        client.fanOut(try Self.fanOut(to: [destination, destination]) { "t\($0)" })
        try await Self.settle(client)
        #expect(client.pendingClientTransactionCount == 0)
        let users = server.seen.withLock { $0.compactMap { $0.message.requestURI?.user } }
        #expect(users.sorted() == ["t0", "t1"])
        await client.shutdown()
        await server.endpoint.shutdown()
    }
}
