/// Turns frames of 16-bit mono PCM at the codec's sample rate into RTP payloads.
///
/// Encoders keep state between frames and are used by one media thread at a time; they are not
/// `Sendable`. Implementations never allocate in ``encode(_:into:)``.
public protocol AudioEncoder: AnyObject {
    /// The codec this encoder produces.
    var kind: AudioCodecKind { get }

    /// Encodes one frame.
    /// - Parameters:
    ///   - pcm: exactly one frame of samples at `kind.sampleRate`.
    ///   - payload: room for the encoded payload.
    /// - Returns: the number of payload bytes written.
    func encode(_ pcm: UnsafeBufferPointer<Int16>, into payload: UnsafeMutableBufferPointer<UInt8>) throws -> Int
}
