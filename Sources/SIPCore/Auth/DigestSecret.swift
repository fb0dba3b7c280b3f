/// What a server knows about a user to check digest credentials.
public enum DigestSecret: Sendable, Hashable {
    /// The clear-text password.
    case password(String)
    /// A stored `H(username ":" realm ":" password)` (RFC 7616 §3.4.2), computed with the hash
    /// function of `algorithm`; it serves that algorithm and its `-sess` twin, not the other hash.
    case ha1(String, algorithm: DigestAlgorithm)

    /// Precomputes the `.ha1` form so a user store need not keep clear-text passwords.
    ///
    /// - Parameters:
    ///   - username: The user name.
    ///   - realm: The realm the server challenges with.
    ///   - password: The clear-text password.
    ///   - algorithm: The algorithm whose hash function to use.
    public static func hashed(
        username: String,
        realm: String,
        password: String,
        algorithm: DigestAlgorithm
    ) -> DigestSecret {
        .ha1(
            DigestResponseComputation.ha1(algorithm: algorithm, username: username, realm: realm, password: password),
            algorithm: algorithm
        )
    }

    /// `H(A1)` for `algorithm`, or `nil` when a stored hash was made with another hash function.
    func ha1(username: String, realm: String, algorithm: DigestAlgorithm) -> String? {
        switch self {
        case .password(let password):
            DigestResponseComputation.ha1(algorithm: algorithm, username: username, realm: realm, password: password)
        case .ha1(let hash, let storedAlgorithm):
            storedAlgorithm.sharesHashFunction(with: algorithm) ? hash.lowercased() : nil
        }
    }
}
