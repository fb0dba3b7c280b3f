/// A G.711 encoder (PCMU or PCMA, RFC 3551 §4.5.14): one byte per 8 kHz sample, so 160 bytes per
/// 20 ms frame. Built on spandsp's G.711 tables.
public final class G711Encoder: AudioEncoder {
    /// ``AudioCodecKind/pcmu`` or ``AudioCodecKind/pcma``.
    public let kind: AudioCodecKind
    private let coder: SpanG711Coder

    init(law: G711Law) throws(SpanDSPError) {
        kind = law == .muLaw ? .pcmu : .pcma
        coder = try SpanG711Coder(law: law)
    }

    /// Creates a µ-law encoder (PCMU).
    public static func muLaw() throws(SpanDSPError) -> G711Encoder {
        try G711Encoder(law: .muLaw)
    }

    /// Creates an A-law encoder (PCMA).
    public static func aLaw() throws(SpanDSPError) -> G711Encoder {
        try G711Encoder(law: .aLaw)
    }

    /// Companding each sample to one byte.
    /// - Throws: ``AudioCodecError`` when `payload` is shorter than `pcm`.
    public func encode(_ pcm: UnsafeBufferPointer<Int16>, into payload: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        guard payload.count >= pcm.count else { throw AudioCodecError(code: .bufferTooSmall, kind: kind) }
        guard let input = pcm.baseAddress, let output = payload.baseAddress else { return 0 }
        return coder.encode(input, count: pcm.count, into: output)
    }
}
