import NIOCore

/// Cuts whole SIP messages off a TCP byte stream with ``SIPStreamFramer`` and answers RFC 5626
/// double-CRLF keep-alives with a single CRLF. A framing error closes the connection, as RFC 3261
/// §18.3 leaves no way to find the next message (RFC 4475 §3.1.2.3, §3.3.9).
struct SIPStreamDecoder: ByteToMessageDecoder {
    typealias InboundOut = [UInt8]

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        switch try SIPStreamFramer.frame(buffer.readableBytesView) {
        case .incomplete:
            return .needMoreData
        case .keepAlive(let length):
            buffer.moveReaderIndex(forwardBy: length)
            context.writeAndFlush(NIOAny(context.channel.allocator.buffer(string: "\r\n")), promise: nil)
            return .continue
        case .message(let skipping, let length):
            buffer.moveReaderIndex(forwardBy: skipping)
            guard let bytes = buffer.readBytes(length: length) else { return .needMoreData }
            context.fireChannelRead(wrapInboundOut(bytes))
            return .continue
        }
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try decode(context: context, buffer: &buffer)
    }
}
