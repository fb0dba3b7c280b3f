import NIOPosix
import SIPCore
import SIPTesting
import Testing

/// An endpoint spread over two event loops: a fan-out leaves from both shards' sockets, each
/// request from the port its Via names, and every response finds its transaction.
@Suite struct ShardedEndpointTests {
    @Test func fanOutSpreadsOverShardsAndEveryResponseMatches() async throws {
        let server = try SIPEndpointTests.Server(transports: [.udp])
        _ = try await server.endpoint.start()
        let destination = try await server.address(.udp)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)
        let loops = Array(group.makeIterator())
        let client = SIPEndpoint(
            configuration: .init(listenAddresses: [try SIPTransportAddress(.udp, host: "127.0.0.1", port: 0)]),
            eventLoops: loops, requestHandler: { _ in })
        let listening = try #require(try await client.start().first)

        let requests = (0..<40).map { sequence in
            (request: SIPEndpointTests.request(
                .message, to: destination, via: client.makeVia(for: .udp), sequenceNumber: UInt32(sequence + 1)),
             destination: destination)
        }
        let viaPorts = Set(requests.compactMap { $0.request.topVia?.port })
        #expect(viaPorts.count == 2, "the Vias take the two shards in turn")
        #expect(viaPorts.contains(listening.port), "shard 0 sends from the listening socket")

        for answer in client.startTransactions(requests) {
            #expect(try await answer.get().statusCode == 200)
        }
        #expect(client.pendingClientTransactionCount == 0)
        // RFC 3261 §18.1.1: each request left from the socket its Via names, so its response
        // (sent to the Via's received/rport, §18.2.2) came back to the shard that holds it.
        let seen = server.seen.withLock { $0.map { ($0.source.port, $0.message.topVia?.port) } }
        #expect(seen.count == 40)
        #expect(seen.allSatisfy { source, via in source == via })
        await client.shutdown()
        await server.endpoint.shutdown()
        try await group.shutdownGracefully()
    }
}
