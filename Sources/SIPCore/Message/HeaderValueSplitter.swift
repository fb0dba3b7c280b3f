/// Splits a header value at the commas that separate list elements (RFC 3261 §7.3.1), ignoring
/// commas inside quoted strings and angle brackets.
enum HeaderValueSplitter {
    /// The comma-separated elements of `value`, trimmed; empty elements are kept so callers can reject them.
    static func split(_ value: String) -> [String] {
        var elements: [String] = []
        var start = value.utf8.startIndex
        var inQuotes = false, inAngles = false, escaped = false
        var index = start
        let utf8 = value.utf8
        while index != utf8.endIndex {
            let byte = utf8[index]
            if escaped {
                escaped = false
            } else if inQuotes {
                if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inQuotes = false }
            } else {
                switch byte {
                case UInt8(ascii: "\""): inQuotes = true
                case UInt8(ascii: "<"): inAngles = true
                case UInt8(ascii: ">"): inAngles = false
                case UInt8(ascii: ",") where !inAngles:
                    elements.append(value[start..<index].trimmingSIPWhitespace())
                    start = utf8.index(after: index)
                default: break
                }
            }
            index = utf8.index(after: index)
        }
        elements.append(value[start..<utf8.endIndex].trimmingSIPWhitespace())
        return elements
    }
}
