/// A G.711 decoder (PCMU or PCMA, RFC 3551 §4.5.14) with spandsp's packet-loss concealment, since
/// G.711 itself defines none in-band (ITU-T G.711 Appendix I describes the scheme spandsp follows).
public final class G711Decoder: AudioDecoder {
    /// ``AudioCodecKind/pcmu`` or ``AudioCodecKind/pcma``.
    public let kind: AudioCodecKind
    private let coder: SpanG711Coder
    private let concealer: SpanPacketLossConcealer

    init(law: G711Law) throws(SpanDSPError) {
        kind = law == .muLaw ? .pcmu : .pcma
        coder = try SpanG711Coder(law: law)
        concealer = try SpanPacketLossConcealer()
    }

    /// Creates a µ-law decoder (PCMU).
    public static func muLaw() throws(SpanDSPError) -> G711Decoder {
        try G711Decoder(law: .muLaw)
    }

    /// Creates an A-law decoder (PCMA).
    public static func aLaw() throws(SpanDSPError) -> G711Decoder {
        try G711Decoder(law: .aLaw)
    }

    /// Expands each byte to one sample and records the frame for later concealment.
    /// - Throws: ``AudioCodecError`` for an empty payload or a `pcm` buffer shorter than it.
    public func decode(_ payload: UnsafeBufferPointer<UInt8>, into pcm: UnsafeMutableBufferPointer<Int16>) throws -> Int {
        guard let input = payload.baseAddress, !payload.isEmpty else { throw AudioCodecError(code: .invalidPayload, kind: kind) }
        guard pcm.count >= payload.count, let output = pcm.baseAddress else {
            throw AudioCodecError(code: .bufferTooSmall, kind: kind)
        }
        let samples = coder.decode(input, count: payload.count, into: output)
        concealer.record(output, count: samples)
        return samples
    }

    /// Repeats the last pitch period, fading to silence after 50 ms of loss.
    public func concealLoss(into pcm: UnsafeMutableBufferPointer<Int16>) -> Int {
        guard let output = pcm.baseAddress else { return 0 }
        concealer.fillIn(output, count: pcm.count)
        return pcm.count
    }
}
