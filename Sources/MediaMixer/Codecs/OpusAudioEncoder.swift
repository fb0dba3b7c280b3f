/// The conference's Opus encoder (RFC 7587): mono 48 kHz PCM with the mode, complexity, bitrate
/// and in-band FEC of ``AudioCodecSettings``.
///
/// It wraps ``OpusEncoder`` rather than conforming it, because ``OpusEncoder`` accepts any rate and
/// channel count, while ``AudioEncoder`` promises mono at ``AudioCodecKind/sampleRate``.
public final class OpusAudioEncoder: AudioEncoder {
    /// Always ``AudioCodecKind/opus``.
    public let kind: AudioCodecKind = .opus
    private let encoder: OpusEncoder

    /// Creates an encoder.
    /// - Throws: ``OpusError`` when libopus rejects a setting.
    public init(settings: AudioCodecSettings = AudioCodecSettings()) throws(OpusError) {
        encoder = try OpusEncoder(
            sampleRate: AudioCodecKind.opus.sampleRate,
            channels: 1,
            application: settings.opusApplication,
            complexity: settings.opusComplexity,
            bitrate: settings.opusBitrate,
            inBandFEC: settings.opusInBandFEC,
            expectedPacketLossPercentage: settings.opusExpectedPacketLossPercentage
        )
    }

    /// Encodes one frame of 2.5 to 60 ms of 48 kHz samples.
    /// - Throws: ``OpusError`` for a frame length Opus cannot code or a `payload` too small.
    public func encode(_ pcm: UnsafeBufferPointer<Int16>, into payload: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        try encoder.encode(pcm, into: payload)
    }
}
