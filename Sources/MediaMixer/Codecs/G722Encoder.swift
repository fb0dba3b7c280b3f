/// A G.722 encoder at 64 kbit/s (RFC 3551 §4.5.2): 16 kHz PCM in, one byte per two samples out,
/// so 160 bytes per 20 ms frame. The RTP clock still runs at 8000 Hz (see ``AudioCodecKind``).
public final class G722Encoder: AudioEncoder {
    /// Always ``AudioCodecKind/g722``.
    public let kind: AudioCodecKind = .g722
    private let encoder: SpanG722Encoder

    /// Creates an encoder.
    /// - Throws: ``SpanDSPError`` when spandsp cannot create its state.
    public init() throws(SpanDSPError) {
        encoder = try SpanG722Encoder()
    }

    /// Encodes a frame of 16 kHz samples.
    /// - Throws: ``AudioCodecError`` for an odd sample count or a `payload` under half of `pcm`.
    public func encode(_ pcm: UnsafeBufferPointer<Int16>, into payload: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        guard pcm.count % 2 == 0 else { throw AudioCodecError(code: .unsupportedFrameSize, kind: kind) }
        guard payload.count >= pcm.count / 2 else { throw AudioCodecError(code: .bufferTooSmall, kind: kind) }
        guard let input = pcm.baseAddress, let output = payload.baseAddress else { return 0 }
        return encoder.encode(input, count: pcm.count, into: output)
    }
}
