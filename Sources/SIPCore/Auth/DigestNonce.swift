import Crypto

/// Self-validating server nonces: the issue time and a random salt, authenticated with
/// HMAC-SHA-256 under the authenticator's secret key and bound to its realm.
///
/// RFC 7616 §3.3 suggests a nonce of the form `time-stamp H(time-stamp ":" ETag ":" secret)`;
/// an HMAC is the keyed form of that hash. The server can then check a nonce without having
/// stored it, so challenges sent to unauthenticated peers cost no memory.
struct DigestNonce {
    /// When the nonce was issued, on the caller's clock in seconds.
    let issuedAt: Double

    /// Layout: 16 hex digits of the issue time's bit pattern, 16 of salt, 64 of HMAC.
    private static let timeDigits = 16
    private static let saltDigits = 16
    private static let macDigits = 64

    /// Makes a nonce text.
    static func make(issuedAt: Double, salt: UInt64, realm: String, key: SymmetricKey) -> String {
        let payload = DigestHexEncoding.encode(withUnsafeBytes(of: issuedAt.bitPattern.bigEndian, Array.init))
            + DigestHexEncoding.encode(withUnsafeBytes(of: salt.bigEndian, Array.init))
        let signed = Array(signedText(payload: payload, realm: realm).utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: signed, using: key)
        return payload + DigestHexEncoding.encode(mac)
    }

    /// Reads a nonce this key issued for this realm; `nil` when it was not (forged, altered, from
    /// another realm or another key).
    init?(validating nonce: String, realm: String, key: SymmetricKey) {
        let characters = Array(nonce.utf8)
        guard characters.count == Self.timeDigits + Self.saltDigits + Self.macDigits else { return nil }
        let payloadLength = Self.timeDigits + Self.saltDigits
        let payload = String(decoding: characters[..<payloadLength], as: UTF8.self)
        guard let mac = DigestHexEncoding.decode(String(decoding: characters[payloadLength...], as: UTF8.self)),
            HMAC<SHA256>.isValidAuthenticationCode(
                mac,
                authenticating: Array(Self.signedText(payload: payload, realm: realm).utf8),
                using: key
            ),
            let timeBytes = DigestHexEncoding.decode(payload.prefix(Self.timeDigits))
        else { return nil }
        let bitPattern = timeBytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        issuedAt = Double(bitPattern: bitPattern)
    }

    private static func signedText(payload: String, realm: String) -> String {
        "\(payload):\(realm)"
    }
}
