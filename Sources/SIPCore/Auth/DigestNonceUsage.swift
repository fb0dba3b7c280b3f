/// What an authenticator remembers about a nonce after it first authenticated a request.
struct DigestNonceUsage {
    /// How the nonce has been used so far.
    enum State {
        /// Used with `qop`; the highest nonce count accepted (RFC 7616 §3.4 `nc`).
        case counted(highest: UInt32)
        /// Used once without `qop`; such a nonce is single-use, as nothing else stops a replay.
        case consumedWithoutQop
    }

    /// When the nonce expires; the record is forgotten after that, since an expired nonce is
    /// refused anyway.
    var expiresAt: Double
    /// How the nonce has been used so far.
    var state: State
}
