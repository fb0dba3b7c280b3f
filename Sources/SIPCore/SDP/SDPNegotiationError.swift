/// An offer or answer that cannot be agreed on (RFC 3264).
public struct SDPNegotiationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// An offered RTP/AVP audio stream lists no codec we support.
        case noCommonCodec
        /// The offer holds no audio stream we can take (none, all disabled, or not RTP/AVP).
        case noAcceptableStream
        /// The answer's `m=` lines do not pair one to one with the offer's (RFC 3264 §6).
        case mediaCountMismatch
        /// The answer rejected our audio stream with port 0 (RFC 3264 §6).
        case streamRejected
        /// The answer lists no codec from our offer (RFC 3264 §6.1).
        case unofferedCodec
    }

    /// The kind of failure.
    public var code: Code
    /// A short human-readable explanation.
    public var reason: String

    /// Creates an error.
    public init(code: Code, reason: String) {
        self.code = code
        self.reason = reason
    }

    /// The SIP response to send when this error arises while answering an offer:
    /// 488 Not Acceptable Here (RFC 3261 §21.4.26, RFC 3264 §6). `nil` for failures in an
    /// answer to our own offer, which end the call with a BYE instead of a response.
    public var sipStatusCode: Int? {
        switch code {
        case .noCommonCodec, .noAcceptableStream: 488
        case .mediaCountMismatch, .streamRejected, .unofferedCodec: nil
        }
    }

    /// `<code>: <reason>`, for logs.
    public var description: String {
        "\(code.rawValue): \(reason)"
    }
}
