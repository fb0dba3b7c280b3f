import NIOCore

/// Hands every datagram of a UDP listener to the endpoint as an ``InboundPacket``.
final class SIPDatagramHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let receive: (InboundPacket) -> Void

    init(receive: @escaping (InboundPacket) -> Void) {
        self.receive = receive
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        let bytes = Array(envelope.data.readableBytesView)
        receive(InboundPacket(bytes: bytes, source: SIPTransportAddress(.udp, envelope.remoteAddress), connection: nil))
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // ICMP port-unreachable and similar surface here; a datagram socket stays usable.
    }
}
