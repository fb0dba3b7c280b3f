import NIOCore

/// Hands each message framed off a TCP connection to the endpoint, and closes the connection on
/// a framing error.
final class SIPStreamHandler: ChannelInboundHandler {
    typealias InboundIn = [UInt8]

    private let receive: (InboundPacket) -> Void
    private let closed: (Channel) -> Void

    init(receive: @escaping (InboundPacket) -> Void, closed: @escaping (Channel) -> Void) {
        self.receive = receive
        self.closed = closed
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard let remote = context.remoteAddress else { return }
        receive(InboundPacket(bytes: unwrapInboundIn(data), source: SIPTransportAddress(.tcp, remote), connection: context.channel))
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed(context.channel)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        context.close(promise: nil)
    }
}
