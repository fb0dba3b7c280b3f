/// The outcome of an RFC 3264 offer/answer for one audio stream, handed to the media layer
/// as a plain value: SIPCore never imports the mixer.
public struct NegotiatedAudio: Sendable, Hashable {
    /// The codec to send and expect.
    public var codec: AudioCodec
    /// The RTP payload type of ``codec`` on this call.
    public var payloadType: UInt8
    /// The RTP timestamp clock rate (8000 for G.722, RFC 3551 §4.5.2).
    public var rtpClockRate: Int
    /// The audio sample rate the codec works at (16000 for G.722).
    public var sampleRate: Int
    /// Audio channels to encode: 1, or 2 for Opus when the peer asked for stereo with
    /// `stereo=1` (RFC 7587 §6.1).
    public var channels: Int
    /// The packet time in milliseconds to send at: the peer's `a=ptime`, else ours
    /// (RFC 4566 §6).
    public var ptime: Int
    /// Where to send RTP; `0.0.0.0` when the peer is on RFC 2543 hold (RFC 3264 §8.4).
    public var remote: MediaAddress
    /// The stream's direction from Parley's side: whether it may send and should expect media.
    public var direction: MediaDirection
    /// The DTMF event format, if both sides support RFC 4733.
    public var telephoneEvent: NegotiatedTelephoneEvent?
    /// The peer's `a=fmtp` parameters for ``payloadType``, e.g. Opus's `useinbandfec=1`
    /// (RFC 7587 §6.1); `nil` when it sent none.
    public var formatParameters: String?

    /// Creates a negotiated stream.
    public init(
        codec: AudioCodec,
        payloadType: UInt8,
        rtpClockRate: Int,
        sampleRate: Int,
        channels: Int,
        ptime: Int,
        remote: MediaAddress,
        direction: MediaDirection,
        telephoneEvent: NegotiatedTelephoneEvent?,
        formatParameters: String?
    ) {
        self.codec = codec
        self.payloadType = payloadType
        self.rtpClockRate = rtpClockRate
        self.sampleRate = sampleRate
        self.channels = channels
        self.ptime = ptime
        self.remote = remote
        self.direction = direction
        self.telephoneEvent = telephoneEvent
        self.formatParameters = formatParameters
    }
}
