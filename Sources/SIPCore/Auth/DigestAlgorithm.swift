import Crypto

/// A digest algorithm that SIP digest authentication can use.
///
/// RFC 2617 §3.2.1 defines `MD5` and `MD5-sess`; RFC 7616 §3.2 adds `SHA-256` and `SHA-256-sess`,
/// and RFC 8760 §2 makes them usable in SIP. The `-sess` variants fold the server nonce and the
/// client nonce into `A1` (RFC 7616 §3.4.2).
public enum DigestAlgorithm: String, Sendable, Hashable, CaseIterable {
    /// `MD5`, the RFC 2617 default when a challenge names no algorithm.
    case md5 = "MD5"
    /// `MD5-sess` (RFC 2617 §3.2.2.2).
    case md5Session = "MD5-sess"
    /// `SHA-256` (RFC 7616 §3.2, RFC 8760 §2).
    case sha256 = "SHA-256"
    /// `SHA-256-sess` (RFC 7616 §3.2, RFC 8760 §2).
    case sha256Session = "SHA-256-sess"

    /// Reads an `algorithm` parameter value; tokens compare case-insensitively (RFC 7616 §3.3).
    ///
    /// - Parameter token: The parameter value, for example `sha-256`.
    /// - Returns: The algorithm, or `nil` when Parley does not implement it.
    public init?(token: String) {
        let lowered = token.lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == lowered }) else {
            return nil
        }
        self = match
    }

    /// The spelling used on the wire, for example `SHA-256`.
    public var token: String { rawValue }

    /// Whether `A1` includes the nonce and client nonce (the `-sess` variants, RFC 7616 §3.4.2).
    public var isSession: Bool {
        self == .md5Session || self == .sha256Session
    }

    /// Whether two algorithms hash with the same function, so one stored `H(A1)` serves both.
    ///
    /// - Parameter other: The algorithm to compare with.
    public func sharesHashFunction(with other: DigestAlgorithm) -> Bool {
        usesSHA256 == other.usesSHA256
    }

    /// Orders algorithms for a client choosing among several challenges: SHA-256 beats MD5
    /// (RFC 8760 §2.4 asks user agents to prefer the strongest algorithm they support).
    var strength: Int {
        usesSHA256 ? 2 : 1
    }

    private var usesSHA256: Bool {
        self == .sha256 || self == .sha256Session
    }

    /// `H(data)`: the lowercase hexadecimal digest of `text`'s UTF-8 bytes (RFC 7616 §3.4.1).
    func hash(_ text: String) -> String {
        hash(bytes: Array(text.utf8))
    }

    /// `H(data)` over raw bytes, as `auth-int` needs for the message body (RFC 7616 §3.4.3).
    func hash(bytes: [UInt8]) -> String {
        if usesSHA256 {
            return DigestHexEncoding.encode(SHA256.hash(data: bytes))
        }
        return DigestHexEncoding.encode(Insecure.MD5.hash(data: bytes))
    }
}
