import NIOCore
import NIOPosix

/// The listening sockets and TCP connections of one endpoint, all confined to one event loop.
///
/// UDP messages leave from the listening socket of the destination's address family, so the
/// source port a peer sees is the port it can answer to. TCP connections are kept by remote
/// address and reused in both directions (RFC 3261 §18.2.2, §18.1.1).
final class SIPTransportLayer {
    /// Socket buffer size asked for on UDP sockets: 4 MB holds thousands of datagrams.
    private static let datagramBufferBytes: SocketOptionValue = 4 << 20

    let eventLoop: EventLoop
    private let receive: (InboundPacket) -> Void
    private var datagramChannels: [Channel] = []
    /// The address family of each of `datagramChannels`, read once at bind (reading a channel's
    /// `localAddress` takes a lock, too dear for every datagram sent).
    private var datagramFamilies: [NIOBSDSocket.ProtocolFamily] = []
    private var streamListeners: [Channel] = []
    private var connections: [SocketAddress: Channel] = [:]
    /// Whether a flush of the UDP sockets is queued on the loop (see ``send(_:to:over:)``).
    private var datagramFlushQueued = false
    /// Set by ``close()``: from then on a UDP socket that closes is not bound again.
    private var isClosing = false

    /// Addresses actually bound, in the order they were requested.
    private(set) var boundAddresses: [SIPTransportAddress] = []

    init(eventLoop: EventLoop, receive: @escaping (InboundPacket) -> Void) {
        self.eventLoop = eventLoop
        self.receive = receive
    }

    /// Binds a listener; port 0 picks a free port, reported in the result.
    func listen(on address: SIPTransportAddress) -> EventLoopFuture<SIPTransportAddress> {
        eventLoop.assertInEventLoop()
        let this = NIOLoopBound(self, eventLoop: eventLoop)
        let bound: EventLoopFuture<Channel>
        switch address.transport {
        case .udp:
            bound = bindDatagramSocket(to: address.socketAddress)
        case .tcp:
            bound = ServerBootstrap(group: eventLoop)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try this.value.addStreamHandlers(to: channel)
                    }
                }
                .bind(to: address.socketAddress)
        }
        return bound.flatMapThrowing { channel in
            let layer = this.value
            switch address.transport {
            case .udp:
                layer.datagramChannels.append(channel)
                layer.datagramFamilies.append(channel.localAddress?.protocol ?? .inet)
            case .tcp: layer.streamListeners.append(channel)
            }
            guard let local = channel.localAddress else { throw SIPTransportError(.bindFailed, "no local address") }
            if address.transport == .udp { layer.rebindWhenClosed(channel, at: local) }
            let boundAddress = SIPTransportAddress(address.transport, local)
            layer.boundAddresses.append(boundAddress)
            return boundAddress
        }
    }

    private func bindDatagramSocket(to address: SocketAddress) -> EventLoopFuture<Channel> {
        let this = NIOLoopBound(self, eventLoop: eventLoop)
        return DatagramBootstrap(group: eventLoop)
                .channelOption(.socketOption(.so_reuseaddr), value: 1)
                // Room for bursts (a fan-out's responses arrive together) while the loop is busy;
                // the kernel caps it at net.core.rmem_max / wmem_max.
                .channelOption(.socketOption(.so_rcvbuf), value: Self.datagramBufferBytes)
                .channelOption(.socketOption(.so_sndbuf), value: Self.datagramBufferBytes)
                .channelOption(ChannelOptions.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: 65_536))
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(SIPDatagramHandler(receive: this.value.receive))
                    }
                }
                .bind(to: address)
    }

    /// Keeps a UDP listener serving after a send to one destination failed. SwiftNIO closes a
    /// datagram socket on most send errors (`ENETUNREACH`, `EPERM`, `EACCES`: a route that does
    /// not exist, a firewall, a broadcast address in a Contact) and on most ICMP errors read back;
    /// only `EMSGSIZE`, `EHOSTUNREACH` and `ECONNREFUSED` leave it open. Without this one bad
    /// destination would leave the endpoint deaf. The socket is bound again at once on the same
    /// address and port, in the same place, so every other peer keeps reaching it; the failed
    /// send itself fails its transaction (RFC 3261 §18.4, §17.1.4).
    private func rebindWhenClosed(_ channel: Channel, at local: SocketAddress) {
        let this = NIOLoopBound(self, eventLoop: eventLoop)
        channel.closeFuture.whenComplete { _ in
            let layer = this.value
            guard !layer.isClosing, let index = layer.datagramChannels.firstIndex(where: { $0 === channel }) else { return }
            layer.bindDatagramSocket(to: local).whenComplete { result in
                let layer = this.value
                switch result {
                case .success(let replacement):
                    guard !layer.isClosing, layer.datagramChannels.indices.contains(index),
                          layer.datagramChannels[index] === channel
                    else {
                        replacement.close(promise: nil)
                        return
                    }
                    layer.datagramChannels[index] = replacement
                    layer.rebindWhenClosed(replacement, at: local)
                case .failure:
                    // The port was taken meanwhile: nothing to serve from; the old, closed socket
                    // stays in place and sends through it fail their transactions.
                    break
                }
            }
        }
    }

    /// Sends bytes: over `connection` when it is still open, else over a cached or new TCP
    /// connection, or from the UDP listener of the destination's address family.
    ///
    /// With `batched`, a datagram is written at once but flushed by one task queued behind the
    /// current one, so that the requests a loop pass produces (a fan-out) leave in one `sendmmsg`
    /// instead of one `sendmsg` each; without it the datagram leaves now, ahead of anything the
    /// loop does next (a response goes before the requests its transaction user sends after it).
    func send(
        _ bytes: [UInt8], to destination: SIPTransportAddress, over connection: Channel? = nil, batched: Bool = false
    ) -> EventLoopFuture<Void> {
        eventLoop.assertInEventLoop()
        let buffer = ByteBuffer(bytes: bytes)
        switch destination.transport {
        case .udp:
            guard let channel = datagramChannel(for: destination.socketAddress) else {
                return eventLoop.makeFailedFuture(SIPTransportError(.noRoute, "no UDP listener for \(destination)"))
            }
            let envelope = AddressedEnvelope(remoteAddress: destination.socketAddress, data: buffer)
            guard batched else { return channel.writeAndFlush(envelope) }
            let written = channel.write(envelope)
            queueDatagramFlush()
            return written
        case .tcp:
            if let connection, connection.isActive {
                return connection.writeAndFlush(buffer)
            }
            return streamConnection(to: destination.socketAddress).flatMap { $0.writeAndFlush(buffer) }
        }
    }

    /// Sends a datagram from the UDP listener of the destination's address family, flushed with
    /// the loop pass's other batched datagrams (see ``send(_:to:over:batched:)``). A failure is
    /// not reported: the caller's retransmission timers cover a datagram that did not leave.
    func sendDatagram(_ buffer: ByteBuffer, to destination: SocketAddress) {
        eventLoop.assertInEventLoop()
        guard let channel = datagramChannel(for: destination) else { return }
        channel.write(AddressedEnvelope(remoteAddress: destination, data: buffer), promise: nil)
        queueDatagramFlush()
    }

    /// Closes every socket.
    func close() -> EventLoopFuture<Void> {
        eventLoop.assertInEventLoop()
        isClosing = true
        let channels = datagramChannels + streamListeners + Array(connections.values)
        datagramChannels = []
        datagramFamilies = []
        streamListeners = []
        connections = [:]
        let closes = channels.map { channel in channel.close().recover { _ in } }
        return EventLoopFuture.andAllComplete(closes, on: eventLoop)
    }

    // MARK: - Helpers

    private func queueDatagramFlush() {
        guard !datagramFlushQueued else { return }
        datagramFlushQueued = true
        let this = NIOLoopBound(self, eventLoop: eventLoop)
        eventLoop.execute {
            let layer = this.value
            layer.datagramFlushQueued = false
            for channel in layer.datagramChannels { channel.flush() }
        }
    }

    private func addStreamHandlers(to channel: Channel) throws {
        if let remote = channel.remoteAddress { connections[remote] = channel }
        try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SIPStreamDecoder()))
        try channel.pipeline.syncOperations.addHandler(
            SIPStreamHandler(receive: receive, closed: { [weak self] closed in self?.forget(closed) }))
    }

    private func forget(_ channel: Channel) {
        if let remote = channel.remoteAddress, connections[remote] === channel {
            connections[remote] = nil
        } else {
            connections = connections.filter { $0.value !== channel }
        }
    }

    private func datagramChannel(for destination: SocketAddress) -> Channel? {
        datagramFamilies.firstIndex(of: destination.protocol).map { datagramChannels[$0] }
    }

    private func streamConnection(to remote: SocketAddress) -> EventLoopFuture<Channel> {
        if let existing = connections[remote], existing.isActive {
            return eventLoop.makeSucceededFuture(existing)
        }
        let this = NIOLoopBound(self, eventLoop: eventLoop)
        return ClientBootstrap(group: eventLoop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try this.value.addStreamHandlers(to: channel) }
            }
            .connect(to: remote)
            .map { channel in
                this.value.connections[remote] = channel
                return channel
            }
    }
}
