/// The conference's Opus decoder (RFC 7587): mono 48 kHz PCM, with libopus's own packet-loss
/// concealment and in-band FEC recovery.
public final class OpusAudioDecoder: AudioDecoder {
    /// Always ``AudioCodecKind/opus``.
    public let kind: AudioCodecKind = .opus
    private let decoder: OpusDecoder

    /// Creates a decoder.
    /// - Throws: ``OpusError`` when libopus cannot create its state.
    public init() throws(OpusError) {
        decoder = try OpusDecoder(sampleRate: AudioCodecKind.opus.sampleRate, channels: 1)
    }

    /// Decodes one packet; `pcm` must hold the packet's whole duration (a sender may change
    /// frame length at any packet, RFC 7587 §4.2, so callers size it for 120 ms to be safe).
    /// - Throws: ``OpusError`` for a corrupt packet or a `pcm` buffer too small for it.
    public func decode(_ payload: UnsafeBufferPointer<UInt8>, into pcm: UnsafeMutableBufferPointer<Int16>) throws -> Int {
        try decoder.decode(payload, into: pcm)
    }

    /// Fills `pcm` with libopus's concealment, extrapolated from the decoder's state.
    ///
    /// libopus accepts only multiples of 2.5 ms; for any other length the frame is filled with
    /// silence, which is what the listener would hear without concealment.
    public func concealLoss(into pcm: UnsafeMutableBufferPointer<Int16>) -> Int {
        do {
            return try decoder.concealLostFrame(frameSize: pcm.count, into: pcm)
        } catch {
            pcm.update(repeating: 0)
            return pcm.count
        }
    }

    /// Rebuilds the frame lost just before `nextPayload` from the FEC copy it carries (RFC 6716
    /// §2.1.7), falling back to concealment when it carries none; decode `nextPayload` afterwards.
    /// - Returns: samples written, `pcm.count`.
    /// - Throws: ``OpusError`` for a corrupt packet or a length that is not a multiple of 2.5 ms.
    public func recoverLoss(fromNext nextPayload: UnsafeBufferPointer<UInt8>, into pcm: UnsafeMutableBufferPointer<Int16>) throws -> Int {
        try decoder.recoverLostFrame(fromNext: nextPayload, frameSize: pcm.count, into: pcm)
    }
}
