import SIPCore

/// Negotiated media the media engine cannot run; the call answers `488 Not Acceptable Here`.
public struct UnmappableMediaError: Error, CustomStringConvertible {
    /// What offer/answer agreed.
    public let audio: NegotiatedAudio
    /// What does not fit.
    public let reason: String

    /// The SIP status the offer is refused with (RFC 3261 §21.4.26).
    public static let statusCode = 488

    /// Creates the error.
    public init(audio: NegotiatedAudio, reason: String) {
        self.audio = audio
        self.reason = reason
    }

    public var description: String {
        "\(audio.codec.encodingName) cannot be mixed: \(reason)"
    }
}
