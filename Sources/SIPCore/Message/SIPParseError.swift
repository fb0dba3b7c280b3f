/// Why bytes could not be taken as a SIP message, and what an element should answer.
///
/// Local failures throw (STYLE rule 5): the parser throws this; a UAS turns it into a response
/// with ``responseStatus`` and ``reason``, or drops the message when ``responseStatus`` is `nil`.
public struct SIPParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: Sendable, Hashable {
        /// Not a SIP message at all, or a response that cannot be trusted: drop silently.
        case unparseable
        /// A request that breaks the grammar or RFC 3261's rules: answer 400.
        case badRequest
        /// A request for a SIP version other than 2.0: answer 505 (RFC 3261 §8.2.2.1 … §21.5.6).
        case versionNotSupported
        /// A stream has not yet delivered the whole message (TCP framing).
        case incomplete
    }

    /// The kind of failure.
    public var code: Code
    /// Words for the reason phrase or a log line, e.g. "CSeq number out of range".
    public var reason: String
    /// The header lines of the rejected request, when they could be read, so that a stateless
    /// error response can copy Via, From, To, Call-ID and CSeq (RFC 3261 §8.2.6.2).
    public var headers: SIPHeaderFields?

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// The status code to answer with, or `nil` to drop.
    public var responseStatus: Int? {
        switch code {
        case .badRequest: 400
        case .versionNotSupported: 505
        case .unparseable, .incomplete: nil
        }
    }

    /// `code: reason`.
    public var description: String { "\(code): \(reason)" }
}
