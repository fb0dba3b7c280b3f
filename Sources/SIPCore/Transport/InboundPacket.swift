import NIOCore

/// Bytes of one message as a transport received them, before parsing.
struct InboundPacket {
    /// The message bytes (a whole datagram, or one message framed off a stream).
    var bytes: [UInt8]
    /// Where the bytes came from.
    var source: SIPTransportAddress
    /// The stream the bytes arrived on, for answering over the same connection (RFC 3261 §18.2.2).
    var connection: Channel?
}
