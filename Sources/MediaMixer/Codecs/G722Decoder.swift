/// A G.722 decoder at 64 kbit/s (RFC 3551 §4.5.2) producing 16 kHz PCM, with spandsp's
/// packet-loss concealment.
///
/// spandsp's concealer is tuned for 8 kHz speech; at 16 kHz it still finds the pitch period (its
/// search window spans 2–20 ms at 8 kHz, 1–10 ms here, which covers voiced speech) and its fade to
/// silence takes 25 ms instead of 50 ms. G.722 defines no concealment of its own outside the
/// optional Appendix IV, which spandsp does not implement.
public final class G722Decoder: AudioDecoder {
    /// Always ``AudioCodecKind/g722``.
    public let kind: AudioCodecKind = .g722
    private let decoder: SpanG722Decoder
    private let concealer: SpanPacketLossConcealer

    /// Creates a decoder.
    /// - Throws: ``SpanDSPError`` when spandsp cannot create its state.
    public init() throws(SpanDSPError) {
        decoder = try SpanG722Decoder()
        concealer = try SpanPacketLossConcealer()
    }

    /// Decodes one payload into twice as many 16 kHz samples and records them for concealment.
    /// - Throws: ``AudioCodecError`` for an empty payload or a `pcm` buffer under twice its size.
    public func decode(_ payload: UnsafeBufferPointer<UInt8>, into pcm: UnsafeMutableBufferPointer<Int16>) throws -> Int {
        guard let input = payload.baseAddress, !payload.isEmpty else { throw AudioCodecError(code: .invalidPayload, kind: kind) }
        guard pcm.count >= payload.count * 2, let output = pcm.baseAddress else {
            throw AudioCodecError(code: .bufferTooSmall, kind: kind)
        }
        let samples = decoder.decode(input, count: payload.count, into: output)
        concealer.record(output, count: samples)
        return samples
    }

    /// Repeats the last pitch period, fading to silence.
    public func concealLoss(into pcm: UnsafeMutableBufferPointer<Int16>) -> Int {
        guard let output = pcm.baseAddress else { return 0 }
        concealer.fillIn(output, count: pcm.count)
        return pcm.count
    }
}
