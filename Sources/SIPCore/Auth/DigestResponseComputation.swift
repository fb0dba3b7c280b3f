/// The `request-digest` computation shared by client and server (RFC 7616 §3.4.1–§3.4.3,
/// RFC 2617 §3.2.2.1 for the RFC 2069 form without `qop`).
enum DigestResponseComputation {
    /// `H(A1)` for the non-session algorithms: `H(username ":" realm ":" password)` (RFC 7616 §3.4.2).
    static func ha1(algorithm: DigestAlgorithm, username: String, realm: String, password: String) -> String {
        algorithm.hash("\(username):\(realm):\(password)")
    }

    /// `H(A1)` for the `-sess` algorithms: `H(H(username:realm:password) ":" nonce ":" cnonce)`
    /// (RFC 7616 §3.4.2), computed per request from that request's client nonce.
    static func sessionHA1(algorithm: DigestAlgorithm, ha1: String, nonce: String, cnonce: String) -> String {
        algorithm.hash("\(ha1):\(nonce):\(cnonce)")
    }

    /// The request digest.
    ///
    /// - Parameters:
    ///   - ha1: `H(A1)`, already in its session form for `-sess` algorithms.
    ///   - protection: The chosen qop with its client nonce and nonce count; `nil` for the
    ///     RFC 2069 form.
    static func response(
        algorithm: DigestAlgorithm,
        ha1: String,
        nonce: String,
        method: String,
        uri: String,
        body: [UInt8],
        protection: (qop: DigestQualityOfProtection, cnonce: String, nonceCount: UInt32)?
    ) -> String {
        // RFC 7616 §3.4.3: A2 adds H(entity-body) for auth-int.
        let a2 = protection?.qop == .authInt ? "\(method):\(uri):\(algorithm.hash(bytes: body))" : "\(method):\(uri)"
        let ha2 = algorithm.hash(a2)
        guard let protection else {
            // RFC 2617 §3.2.2.1: KD(H(A1), nonce ":" H(A2)) when the challenge has no qop.
            return algorithm.hash("\(ha1):\(nonce):\(ha2)")
        }
        let count = DigestCredentials.nonceCountText(protection.nonceCount)
        return algorithm.hash("\(ha1):\(nonce):\(count):\(protection.cnonce):\(protection.qop.token):\(ha2)")
    }

    /// Compares two digests in time that does not depend on where they differ, so a wrong
    /// response does not leak how much of it was right.
    static func digestsMatch(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices {
            difference |= left[index] ^ right[index]
        }
        return difference == 0
    }
}
