/// The audio codecs a Parley room can speak to its members, with the facts RTP and SDP need.
///
/// The PCM side of every codec is 16-bit signed mono at ``sampleRate``; the RTP side counts time
/// at ``rtpClockRate``, which differs from the sample rate for G.722 (RFC 3551 §4.5.2 keeps 8000
/// for historical reasons).
public enum AudioCodecKind: String, Hashable, Sendable, CaseIterable {
    /// G.711 µ-law (RFC 3551 §4.5.14).
    case pcmu
    /// G.711 A-law (RFC 3551 §4.5.14).
    case pcma
    /// G.722 wideband, 64 kbit/s (RFC 3551 §4.5.2).
    case g722
    /// Opus (RFC 7587), mono at 48 kHz.
    case opus

    /// The encoding name SDP uses in `a=rtpmap` (RFC 4566 §6).
    public var encodingName: String {
        switch self {
        case .pcmu: "PCMU"
        case .pcma: "PCMA"
        case .g722: "G722"
        case .opus: "opus"
        }
    }

    /// The static RTP payload type from RFC 3551 Table 4, or `nil` for codecs with dynamic types.
    public var staticPayloadType: Int? {
        switch self {
        case .pcmu: 0
        case .pcma: 8
        case .g722: 9
        case .opus: nil
        }
    }

    /// The PCM sample rate the codec consumes and produces, in Hz.
    public var sampleRate: Int {
        switch self {
        case .pcmu, .pcma: 8000
        case .g722: 16000
        case .opus: 48000
        }
    }

    /// The RTP timestamp clock rate, in Hz (RFC 3551 §4.5.2 for G.722, RFC 7587 §4.1 for Opus).
    public var rtpClockRate: Int {
        switch self {
        case .pcmu, .pcma, .g722: 8000
        case .opus: 48000
        }
    }

    /// PCM samples in one frame of `ptime` milliseconds.
    public func samplesPerFrame(ptime: Int) -> Int {
        sampleRate * ptime / 1000
    }

    /// RTP timestamp units in one frame of `ptime` milliseconds.
    public func timestampIncrement(ptime: Int) -> UInt32 {
        UInt32(rtpClockRate * ptime / 1000)
    }
}
