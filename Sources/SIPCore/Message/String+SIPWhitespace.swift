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

extension Substring {
    /// The index of the first `byte` (an ASCII separator), searched in the contiguous UTF-8 bytes.
    func firstIndex(ofByte byte: UInt8) -> Index? {
        let offset = utf8.withContiguousStorageIfAvailable { $0.firstIndex(of: byte) }
            ?? utf8.firstIndex(of: byte).map { utf8.distance(from: utf8.startIndex, to: $0) }
        return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }
}
