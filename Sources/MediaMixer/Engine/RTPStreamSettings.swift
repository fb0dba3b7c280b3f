/// The negotiated media of one member's RTP leg: what SDP offer/answer agreed (RFC 3264), in
/// MediaMixer's own terms.
public struct RTPStreamSettings: Sendable, Hashable {
    /// The codec of the leg's audio, both ways; its packet time is the room's (20 ms).
    public var codec: AudioCodecKind
    /// The audio payload type: the codec's static one, or the dynamic one from `a=rtpmap`.
    public var payloadType: Int
    /// The payload type of RFC 4733 telephone events, when the peer offered them.
    public var telephoneEventPayloadType: Int?
    /// The numeric local address to bind, e.g. `"0.0.0.0"` or `"127.0.0.1"`.
    public var localAddress: String
    /// The local RTP port, or 0 to let the system pick one.
    public var localPort: Int
    /// The numeric address the peer's SDP gave (`c=` line).
    public var remoteAddress: String
    /// The RTP port the peer's SDP gave (`m=` line).
    public var remotePort: Int
    /// Whether to send to wherever the peer's packets actually come from (symmetric RTP,
    /// RFC 4961): phones behind NAT put an address in SDP that cannot be reached.
    public var symmetricRTP: Bool
    /// The starting delay of oRTP's jitter buffer (adaptive) or its fixed delay.
    public var jitterCompensation: Duration
    /// Whether the jitter buffer follows the measured jitter (SEMS `playout_type=adaptive_jb`, the
    /// default) or holds packets for a fixed ``jitterCompensation`` (`simple`).
    public var adaptiveJitterBuffer: Bool
    /// How long the peer may send no RTP before the engine reports
    /// ``MediaEngineEvent/mediaTimedOut(_:_:)``; `nil` never (e.g. a peer on hold that sends nothing).
    public var mediaTimeout: Duration?
    /// Whether the leg sends the mix to the peer; off when the peer's SDP says it receives nothing
    /// (`sendonly` or `inactive`, RFC 3264 §6.1). The stream's timestamps keep running.
    public var sendsMedia: Bool
    /// Whether DTMF tones in the peer's audio are reported as digits too, for phones that send keys
    /// only in-band. Wideband audio is brought down to 8 kHz for the detector; the tones survive
    /// G.711 and G.722 coding, and Opus at its usual bitrates.
    public var detectsInBandDTMF: Bool
    /// The encoder settings (Opus complexity, bitrate, FEC) for what the leg is sent.
    public var codecSettings: AudioCodecSettings

    /// Creates stream settings; the defaults suit a phone behind NAT on a jittery network.
    public init(
        codec: AudioCodecKind,
        payloadType: Int? = nil,
        telephoneEventPayloadType: Int? = 101,
        localAddress: String = "0.0.0.0",
        localPort: Int = 0,
        remoteAddress: String,
        remotePort: Int,
        symmetricRTP: Bool = true,
        jitterCompensation: Duration = .milliseconds(60),
        adaptiveJitterBuffer: Bool = true,
        mediaTimeout: Duration? = nil,
        sendsMedia: Bool = true,
        detectsInBandDTMF: Bool = false,
        codecSettings: AudioCodecSettings = AudioCodecSettings()
    ) {
        self.codec = codec
        self.payloadType = payloadType ?? codec.staticPayloadType ?? 111
        self.telephoneEventPayloadType = telephoneEventPayloadType
        self.localAddress = localAddress
        self.localPort = localPort
        self.remoteAddress = remoteAddress
        self.remotePort = remotePort
        self.symmetricRTP = symmetricRTP
        self.jitterCompensation = jitterCompensation
        self.adaptiveJitterBuffer = adaptiveJitterBuffer
        self.mediaTimeout = mediaTimeout
        self.sendsMedia = sendsMedia
        self.detectsInBandDTMF = detectsInBandDTMF
        self.codecSettings = codecSettings
    }
}
