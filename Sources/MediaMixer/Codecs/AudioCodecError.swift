/// A frame or buffer a codec cannot work with.
///
/// Library failures keep their own types (``OpusError``, ``SpanDSPError``); this error covers the
/// caller's side of the contract: frame sizes and buffer capacities.
public struct AudioCodecError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: Hashable, Sendable {
        /// The PCM frame's length is not one the codec can code (e.g. an odd count for G.722).
        case unsupportedFrameSize
        /// The output buffer cannot hold the encoded payload or the decoded samples.
        case bufferTooSmall
        /// The payload is empty or cannot be a payload of this codec.
        case invalidPayload
    }

    /// The kind of failure.
    public let code: Code
    /// The codec that reported it.
    public let kind: AudioCodecKind

    /// Creates an error.
    public init(code: Code, kind: AudioCodecKind) {
        self.code = code
        self.kind = kind
    }

    /// A readable account of the failure.
    public var description: String {
        "\(kind.encodingName): \(code)"
    }
}
