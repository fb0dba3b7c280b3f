/// A challenge a ``DigestClient`` has answered and keeps answering with increasing nonce counts
/// until the server sends a new one (RFC 7616 §3.4 `nc`, RFC 3261 §22.3 caching).
struct DigestClientSession {
    /// Which header pair the challenge came in.
    let kind: DigestAuthenticationKind
    /// The challenge, whose nonce is reused.
    let challenge: DigestChallenge
    /// The nonce count of the last request sent with this nonce.
    var nonceCount: UInt32

    /// The quality of protection to answer with: `auth` when offered, else `auth-int`, else none
    /// (an RFC 2069 challenge). `auth` is preferred because SIP proxies may change bodies.
    var qop: DigestQualityOfProtection? {
        challenge.qopOptions.contains(.auth) ? .auth : challenge.qopOptions.first
    }
}
