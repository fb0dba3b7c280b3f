extension Substring {
    /// The text without leading and trailing SP/HTAB, found on the UTF-8 bytes (SIP's LWS is ASCII).
    func trimmingSIPWhitespace() -> String {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { !$0.isSIPWhitespace }),
              let last = bytes.lastIndex(where: { !$0.isSIPWhitespace })
        else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// The text without leading and trailing SP/HTAB.
    func trimmingSIPWhitespace() -> String { self[...].trimmingSIPWhitespace() }
}

extension StringProtocol {
    /// Whether the text contains `byte` (an ASCII separator), compared on the UTF-8 bytes.
    func containsByte(_ byte: UInt8) -> Bool {
        utf8.contains(byte)
    }

    /// Whether the text is non-empty and only ASCII digits.
    var isASCIIDigits: Bool {
        !utf8.isEmpty && utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}

extension UInt8 {
    /// SP or HTAB, the whitespace of SIP's LWS (RFC 3261 §25.1).
    var isSIPWhitespace: Bool { self == UInt8(ascii: " ") || self == UInt8(ascii: "\t") }
}
