import MediaMixer
import SIPCore

/// Turns the media that SDP offer/answer agreed (SIPCore's ``NegotiatedAudio``) into the media
/// engine's stream settings (MediaMixer's ``RTPStreamSettings``): the one place where the two
/// libraries' vocabularies meet, so that neither imports the other.
///
/// Every codec SIPCore can negotiate is mapped by an exhaustive `switch`: a codec added on one
/// side and not the other does not compile. A negotiated stream the engine cannot run (a clock
/// rate or channel count its codec does not have) is an ``UnmappableMediaError``, which the call
/// answers with `488 Not Acceptable Here`, never a silent fallback.
public struct MediaStreamMapping: Sendable {
    /// The address RTP sockets bind.
    public var localAddress: String
    /// Whether the playout delay adapts to the jitter (`playout_type` other than `simple`).
    public var adaptivePlayout: Bool
    /// How long a call may send no RTP before it is hung up; `nil` for never.
    public var mediaTimeout: Duration?

    /// Creates a mapping.
    public init(localAddress: String, adaptivePlayout: Bool, mediaTimeout: Duration?) {
        self.localAddress = localAddress
        self.adaptivePlayout = adaptivePlayout
        self.mediaTimeout = mediaTimeout
    }

    /// The engine's codec for a negotiated one.
    /// - Throws: ``UnmappableMediaError`` when the clock rate or channels do not fit the codec.
    public static func codec(for audio: NegotiatedAudio) throws(UnmappableMediaError) -> AudioCodecKind {
        let codec: AudioCodecKind
        let clockRate: Int
        let channels: Set<Int>
        switch audio.codec {
        case .pcmu: (codec, clockRate, channels) = (.pcmu, 8000, [1])
        case .pcma: (codec, clockRate, channels) = (.pcma, 8000, [1])
        // G.722's RTP clock is 8000 for its 16 kHz samples (RFC 3551 §4.5.2).
        case .g722: (codec, clockRate, channels) = (.g722, 8000, [1])
        // Opus is always `opus/48000/2` in SDP, whatever it carries (RFC 7587 §7); a receiver
        // that asked for stereo decodes the engine's mono stream (RFC 7587 §3.4).
        case .opus: (codec, clockRate, channels) = (.opus, 48000, [1, 2])
        }
        guard audio.rtpClockRate == clockRate else {
            throw UnmappableMediaError(audio: audio, reason: "clock rate \(audio.rtpClockRate), expected \(clockRate)")
        }
        guard channels.contains(audio.channels) else {
            throw UnmappableMediaError(audio: audio, reason: "\(audio.channels) channels")
        }
        return codec
    }

    /// The leg's stream for what offer/answer agreed (its direction is the bridge's own): the RTP
    /// timeout only while the call is not on hold either way (a held phone may send nothing at
    /// all), sending only while the peer is to receive, and in-band DTMF detection for a peer without RFC 4733 events while the bridge
    /// `listensForKeys` (the PIN dialogue; keys are ignored in the conference, spec §7.1).
    /// - Throws: ``UnmappableMediaError``.
    public func settings(for audio: NegotiatedAudio, localPort: Int, listensForKeys: Bool) throws(UnmappableMediaError)
        -> RTPStreamSettings
    {
        RTPStreamSettings(
            codec: try Self.codec(for: audio),
            payloadType: Int(audio.payloadType),
            telephoneEventPayloadType: audio.telephoneEvent.map { Int($0.payloadType) },
            localAddress: localAddress,
            localPort: localPort,
            remoteAddress: audio.remote.host,
            remotePort: Int(audio.remote.port),
            adaptiveJitterBuffer: adaptivePlayout,
            mediaTimeout: audio.direction == .sendrecv ? mediaTimeout : nil,
            sendsMedia: audio.direction.sends,
            detectsInBandDTMF: listensForKeys && audio.telephoneEvent == nil)
    }
}
