/// Lowercase hexadecimal, the form digest authentication writes every hash and nonce count in
/// (RFC 7616 §3.4.1 `LHEX`).
enum DigestHexEncoding {
    private static let digits = Array("0123456789abcdef".utf8)

    /// Writes bytes as lowercase hexadecimal, two digits per byte.
    static func encode(_ bytes: some Sequence<UInt8>) -> String {
        var characters: [UInt8] = []
        characters.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            characters.append(digits[Int(byte >> 4)])
            characters.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: characters, as: UTF8.self)
    }

    /// Reads hexadecimal of either case; `nil` for an odd length or a non-hex character.
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count.isMultiple(of: 2) else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count / 2)
        var index = 0
        while index < characters.count {
            guard let high = HexDigit.value(characters[index]), let low = HexDigit.value(characters[index + 1]) else {
                return nil
            }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }
}
