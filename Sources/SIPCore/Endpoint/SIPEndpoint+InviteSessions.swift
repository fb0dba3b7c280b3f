import NIOCore

extension SIPEndpoint {
    /// Sends an ACK for a 2xx outside any transaction (RFC 3261 §13.2.2.4) from the event loop,
    /// at once: unlike the async ``sendStateless(_:to:)`` it cannot fall behind a BYE the same
    /// session sends right after it.
    func sendOutsideTransaction(_ message: SIPMessage, to destination: SIPTransportAddress) -> EventLoopFuture<Void> {
        eventLoop.assertInEventLoop()
        return shards[0].transports.send(message.serialized(), to: destination)
    }
}
