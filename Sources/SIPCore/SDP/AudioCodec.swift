/// The audio codecs Parley negotiates, with their RTP parameters.
public enum AudioCodec: String, Sendable, Hashable, CaseIterable {
    /// G.711 µ-law (RFC 3551 §4.5.14), static payload type 0.
    case pcmu
    /// G.711 A-law (RFC 3551 §4.5.14), static payload type 8.
    case pcma
    /// G.722 wideband (RFC 3551 §4.5.2), static payload type 9.
    case g722
    /// Opus (RFC 7587), always a dynamic payload type.
    case opus

    /// The encoding name in `a=rtpmap` (RFC 3551 §6, RFC 7587 §7).
    public var encodingName: String {
        switch self {
        case .pcmu: "PCMU"
        case .pcma: "PCMA"
        case .g722: "G722"
        case .opus: "opus"
        }
    }

    /// The static payload type of RFC 3551 §6, or `nil` for a codec that needs a dynamic one.
    public var staticPayloadType: UInt8? {
        switch self {
        case .pcmu: 0
        case .pcma: 8
        case .g722: 9
        case .opus: nil
        }
    }

    /// The RTP timestamp clock rate. G.722 says 8000 although it samples at 16 kHz, an error
    /// in RFC 1890 that RFC 3551 §4.5.2 keeps for compatibility; Opus always says 48000
    /// (RFC 7587 §4.1).
    public var rtpClockRate: Int {
        switch self {
        case .pcmu, .pcma, .g722: 8000
        case .opus: 48000
        }
    }

    /// The rate at which the audio itself is sampled, what the codec wrapper encodes and
    /// decodes: 16000 for G.722, 48000 for Opus (its full band).
    public var sampleRate: Int {
        switch self {
        case .pcmu, .pcma: 8000
        case .g722: 16000
        case .opus: 48000
        }
    }

    /// The channel count written in `a=rtpmap`: Opus is always declared `/2` whatever it
    /// carries (RFC 7587 §7), the others are mono.
    public var rtpMapChannels: Int {
        self == .opus ? 2 : 1
    }

    /// The `a=rtpmap` for this codec under `payloadType`.
    public func rtpMap(payloadType: UInt8) -> RTPMap {
        RTPMap(
            payloadType: payloadType,
            encodingName: encodingName,
            clockRate: rtpClockRate,
            channels: self == .opus ? rtpMapChannels : nil
        )
    }

    /// The codec an `a=rtpmap` (or a static payload type) stands for, if Parley knows it:
    /// encoding name (ignoring case), clock rate and channel count must all match.
    public init?(rtpMap: RTPMap) {
        guard let codec = AudioCodec.allCases.first(where: {
            rtpMap.matches(encodingName: $0.encodingName, clockRate: $0.rtpClockRate)
                && rtpMap.channelCount == $0.rtpMapChannels
        }) else { return nil }
        self = codec
    }
}
