/// Why a server refused digest credentials that were meant for it.
public enum DigestRejectionReason: Sendable, Hashable {
    /// The credentials do not follow the grammar or lack a required parameter.
    case malformedCredentials
    /// The credentials use an algorithm this server did not offer.
    case unsupportedAlgorithm
    /// The credentials use a `qop` this server did not offer.
    case unsupportedQualityOfProtection
    /// The `uri` parameter differs from the Request-URI; RFC 2617 §3.2.2.5 calls for 400.
    case uriMismatch
    /// The nonce was not issued by this authenticator (its HMAC does not verify).
    case forgedNonce
    /// The user lookup knows no such user in this realm.
    case unknownUser
    /// The stored `H(A1)` was made with a hash function the credentials do not use.
    case secretUnavailableForAlgorithm
    /// The request digest is wrong: most often a wrong password.
    case wrongResponse
    /// The nonce count did not increase since the last accepted request with this nonce, so the
    /// request is a replay (RFC 7616 §3.4, §5.5).
    case replayedNonceCount
}
