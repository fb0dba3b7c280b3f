/// Turns RTP payloads back into 16-bit mono PCM at the codec's sample rate, and fills gaps.
///
/// Decoders keep state between frames and are used by one media thread at a time; they are not
/// `Sendable`. Implementations never allocate in ``decode(_:into:)`` or ``concealLoss(into:)``.
public protocol AudioDecoder: AnyObject {
    /// The codec this decoder reads.
    var kind: AudioCodecKind { get }

    /// Decodes one payload.
    /// - Returns: the number of samples written to `pcm`.
    func decode(_ payload: UnsafeBufferPointer<UInt8>, into pcm: UnsafeMutableBufferPointer<Int16>) throws -> Int

    /// Writes a concealment frame for one lost packet, filling all of `pcm`.
    /// - Returns: the number of samples written (`pcm.count`).
    func concealLoss(into pcm: UnsafeMutableBufferPointer<Int16>) -> Int
}
