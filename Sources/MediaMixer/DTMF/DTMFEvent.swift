/// One key press, however it reached Parley: an RTP telephone-event (RFC 4733), a SIP INFO
/// `application/dtmf-relay` body, or tones detected in the audio.
public struct DTMFEvent: Hashable, Sendable {
    /// Where a key press was learnt from.
    public enum Source: Hashable, Sendable {
        /// RFC 4733 telephone-event packets.
        case rtpEvent
        /// A SIP INFO request with an `application/dtmf-relay` body.
        case sipInfo
        /// The key's dual tone found in the received audio.
        case inBand
    }

    /// The key pressed.
    public var digit: DTMFDigit
    /// How long the key was held, as reported by the sender (zero when the sender did not say).
    public var duration: Duration
    /// Where the press was learnt from.
    public var source: Source

    /// Creates an event.
    public init(digit: DTMFDigit, duration: Duration, source: Source) {
        self.digit = digit
        self.duration = duration
        self.source = source
    }
}
