/// What Parley offers and accepts for audio: the local half of RFC 3264 negotiation,
/// typically taken from a room's profile.
public struct AudioCapabilities: Sendable, Hashable {
    /// Whose preference order picks the codec when answering an offer.
    public enum CodecOrder: Sendable, Hashable {
        /// The first codec in the offer that we support: RFC 3264 §6.1 lets the answerer
        /// choose, and honouring the offerer's order is what phones expect.
        case offerer
        /// The first codec in ``AudioCapabilities/codecs`` that the offer lists, e.g. to keep
        /// a whole room on one codec and avoid transcoding.
        case local
    }

    /// Supported codecs in preference order; offers list them in this order. Must not be
    /// empty: an `m=` line needs at least one format (RFC 4566 §5.14).
    public var codecs: [AudioCodec]
    /// Whether RFC 4733 telephone-event is offered and accepted.
    public var telephoneEvent: Bool
    /// The packet time in milliseconds Parley wants to receive, written as `a=ptime`.
    public var ptime: Int
    /// Whose order picks the codec when answering.
    public var codecOrder: CodecOrder

    /// Creates capabilities; by default every codec, Opus first, DTMF on, 20 ms packets
    /// (RFC 3551 §4.5's default) and the offerer's order.
    public init(
        codecs: [AudioCodec] = [.opus, .g722, .pcmu, .pcma],
        telephoneEvent: Bool = true,
        ptime: Int = 20,
        codecOrder: CodecOrder = .offerer
    ) {
        self.codecs = codecs
        self.telephoneEvent = telephoneEvent
        self.ptime = ptime
        self.codecOrder = codecOrder
    }
}
