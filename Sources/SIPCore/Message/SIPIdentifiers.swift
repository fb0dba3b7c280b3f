/// Fresh random identifiers: tags (RFC 3261 §19.3), branches (§8.1.1.7) and Call-IDs (§8.1.1.4).
public enum SIPIdentifiers {
    /// A From/To tag with 64 random bits.
    public static func tag() -> String { randomHex(byteCount: 8) }

    /// A branch with the RFC 3261 magic cookie and 96 random bits.
    public static func branch() -> String { SIPVia.magicCookie + randomHex(byteCount: 12) }

    /// A Call-ID with 128 random bits, `@host` appended when given.
    public static func callID(host: String? = nil) -> String {
        let random = randomHex(byteCount: 16)
        return host.map { "\(random)@\($0)" } ?? random
    }

    /// `byteCount` random bytes as lower-case hex, drawn 64 bits at a time (one system call per 8 bytes).
    private static func randomHex(byteCount: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(byteCount * 2)
        var word: UInt64 = 0
        for index in 0..<byteCount {
            if index % 8 == 0 { word = generator.next() }
            let byte = UInt8(truncatingIfNeeded: word >> (8 * UInt64(index % 8)))
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
