/// Why a request sent through ``SIPEndpoint`` got no final response (STYLE rule 5: local failures throw).
public struct SIPTransactionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: Sendable, Hashable {
        /// Timer B or F fired: no final response in 64*T1 (RFC 3261 §17.1.1.2, §17.1.2.2).
        case timeout
        /// The transport could not send the request (RFC 3261 §17.1.4).
        case transportFailed
        /// The request cannot start a client transaction (no Via branch, or it is an ACK).
        case invalidRequest
        /// The endpoint shut down first.
        case shutdown
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong, in words.
    public var reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// `code: reason`.
    public var description: String { "\(code): \(reason)" }
}
