/// The verdict of ``DigestAuthenticator/verify(credentialValues:method:requestURI:body:now:secretLookup:)``.
public enum DigestAuthenticationOutcome: Sendable, Hashable {
    /// The request is authentic and comes from this user.
    case authenticated(username: String)
    /// Send a fresh challenge (401 or 407): there were no credentials for this realm, or, with
    /// `stale: true`, the credentials were right but their nonce expired or was used up
    /// (RFC 7616 §3.3 `stale`), so the client may retry without asking its user.
    case challenge(stale: Bool)
    /// Credentials for this realm were present and are refused.
    case rejected(DigestRejectionReason)
}
