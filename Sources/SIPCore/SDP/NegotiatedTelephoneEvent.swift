/// The negotiated RFC 4733 telephone-event (DTMF) format.
public struct NegotiatedTelephoneEvent: Sendable, Hashable {
    /// The payload type both sides use for events; the offerer's number (RFC 3264 §6.1).
    public var payloadType: UInt8
    /// The RTP clock rate of the events, ideally the audio codec's (RFC 4733 §2.1).
    public var clockRate: Int

    /// Creates a telephone-event format.
    public init(payloadType: UInt8, clockRate: Int) {
        self.payloadType = payloadType
        self.clockRate = clockRate
    }
}
