import NIOPosix
import SIPCore
import SIPTesting
import Testing

/// A send that fails for one destination fails that transaction and nothing else: the endpoint's
/// UDP listener keeps serving everyone.
@Suite struct UnreachableDestinationTests {
    /// The limited broadcast address: a send to it fails at once in the kernel (`EACCES` without
    /// `SO_BROADCAST`, `ENETUNREACH` where only loopback exists), so nothing leaves the machine.
    /// SwiftNIO closes a datagram socket on either error.
    static let unreachable = "255.255.255.255"

    @Test func aFailedSendFailsItsTransactionAndTheListenerKeepsAnswering() async throws {
        let server = try SIPEndpointTests.Server(transports: [.udp])
        _ = try await server.endpoint.start()
        let serverAddress = try await server.address(.udp)

        // The server itself sends to a destination the kernel refuses.
        let badDestination = try SIPTransportAddress(.udp, host: Self.unreachable, port: 5060)
        let via = server.endpoint.makeVia(for: .udp)
        await #expect(throws: SIPTransactionError.self, "the send fails its transaction, not a timeout") {
            try await server.endpoint.send(SIPEndpointTests.request(.options, to: badDestination, via: via), to: badDestination)
        }

        // Every other peer still reaches the same address and port, and is answered from it (a
        // short T1, so that a deaf listener fails each try in 3.2 s rather than 32).
        let client = try await SIPEndpointTests.client(t1: .milliseconds(50))
        let response = try await eventuallyValue("the server's UDP listener to answer OPTIONS again", within: .seconds(5)) {
            try? await client.send(
                SIPEndpointTests.request(.options, to: serverAddress, via: client.makeVia(for: .udp)), to: serverAddress)
        }
        #expect(response.statusCode == 200)
        #expect(try await server.address(.udp) == serverAddress, "the same port")

        // And the server can still send: a second bad send fails, a good one is answered.
        await #expect(throws: (any Error).self) {
            try await server.endpoint.send(
                SIPEndpointTests.request(.options, to: badDestination, via: server.endpoint.makeVia(for: .udp)), to: badDestination)
        }
        let peer = try SIPEndpointTests.Server(transports: [.udp])
        _ = try await peer.endpoint.start()
        let peerAddress = try await peer.address(.udp)
        let answered = try await eventuallyValue("the server to reach a peer after a second failure", within: .seconds(5)) {
            try? await server.endpoint.send(
                SIPEndpointTests.request(.options, to: peerAddress, via: server.endpoint.makeVia(for: .udp)), to: peerAddress)
        }
        #expect(answered.statusCode == 200)
        await client.shutdown()
        await peer.endpoint.shutdown()
        await server.endpoint.shutdown()
    }
}
