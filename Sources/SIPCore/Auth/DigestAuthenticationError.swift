/// Why a digest header value could not be read, or why a client could not answer a challenge.
///
/// These are local failures, so they are thrown; the peer's verdicts (401, 407) stay values.
public struct DigestAuthenticationError: Error, Hashable, Sendable {
    /// The kind of failure.
    public enum Code: Sendable, Hashable {
        /// The value uses another scheme (for example RFC 4475 §3.3.7's `NoOneKnowsThisScheme`).
        case unsupportedScheme
        /// The value breaks the auth-param grammar (RFC 3261 §25.1, RFC 7616 §3.3).
        case malformed
        /// A parameter the RFC requires is absent.
        case missingParameter
        /// The `algorithm` is one Parley does not implement.
        case unsupportedAlgorithm
        /// The `qop` offers or uses no value Parley implements.
        case unsupportedQualityOfProtection
        /// None of the challenges can be answered with these credentials.
        case noUsableChallenge
    }

    /// The kind of failure.
    public var code: Code
    /// A human-readable explanation naming the offending part.
    public var detail: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - detail: A human-readable explanation.
    public init(code: Code, detail: String) {
        self.code = code
        self.detail = detail
    }
}
