/// Why a dialog could not be created or updated from the messages given (STYLE rule 5: local
/// failures throw; SIP failures are responses).
public struct DialogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: Sendable, Hashable {
        /// The response creates no dialog: it is not 101–299, or it is provisional without a
        /// To tag (RFC 3261 §12.1).
        case responseCreatesNoDialog
        /// The response does not answer the request given (Call-ID, From tag or CSeq differ).
        case responseDoesNotMatchRequest
        /// This UA's own tag is missing: the From tag of its request (RFC 3261 §8.1.1.3) or the
        /// To tag of its response (§12.1.1).
        case missingLocalTag
        /// The dialog-creating request has no Contact, so the remote target is unknown
        /// (RFC 3261 §8.1.1.8, §12.1.1); the UAS should answer it with 400.
        case missingContact
        /// A Record-Route value is not a valid name-addr (RFC 3261 §20.30).
        case malformedRecordRoute
    }

    /// The kind of failure.
    public var code: Code
    /// Words for a log line.
    public var reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// `code: reason`.
    public var description: String { "\(code): \(reason)" }
}
