/// Reads the start line and header lines of a message from its bytes (RFC 3261 §7, §7.3.1).
///
/// Lines end in CRLF; a bare LF is tolerated as robust receivers do. A line starting with SP or
/// HTAB continues the previous header line (folding), and is joined with a single SP.
struct SIPLineReader {
    private let bytes: [UInt8]
    /// The index just after what has been read; after ``headerLines()`` it is where the body starts.
    private(set) var position: Int

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.position = 0
    }

    /// Skips CRLFs before the start line (RFC 3261 §7.5: keep-alives and stray line ends).
    mutating func skipLeadingEmptyLines() {
        while position < bytes.count, bytes[position] == UInt8(ascii: "\r") || bytes[position] == UInt8(ascii: "\n") {
            position += 1
        }
    }

    /// The next line without its line end, or `nil` at the end of the bytes.
    mutating func nextLine() -> String? {
        guard let range = nextLineRange() else { return nil }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// The byte range of the next line without its line end, or `nil` at the end of the bytes.
    mutating func nextLineBytes() -> ArraySlice<UInt8>? {
        nextLineRange().map { bytes[$0] }
    }

    /// Reads header lines up to the empty line (or the end of the bytes, for a message that lacks
    /// it) and returns them in order, unfolded.
    mutating func headerLines() throws(SIPParseError) -> SIPHeaderFields {
        var fields: [SIPHeaderField] = []
        fields.reserveCapacity(12)
        while let range = nextLineRange() {
            if range.isEmpty { break }
            if bytes[range.lowerBound].isSIPWhitespace {
                guard !fields.isEmpty else { throw SIPParseError(.badRequest, "continuation line before any header") }
                let continuation = Self.trimmedString(bytes[range])
                fields[fields.count - 1].value += fields[fields.count - 1].value.isEmpty ? continuation : " " + continuation
                continue
            }
            fields.append(try headerField(in: range))
        }
        return SIPHeaderFields(fields)
    }

    private func headerField(in range: Range<Int>) throws(SIPParseError) -> SIPHeaderField {
        guard let colon = bytes[range].firstIndex(of: UInt8(ascii: ":")) else {
            throw SIPParseError(.badRequest, "header line without a colon")
        }
        var nameEnd = colon
        while nameEnd > range.lowerBound, bytes[nameEnd - 1].isSIPWhitespace {
            nameEnd -= 1
        }
        let nameBytes = bytes[range.lowerBound..<nameEnd]
        guard !nameBytes.isEmpty, nameBytes.allSatisfy(SIPGrammar.isTokenByte) else {
            throw SIPParseError(.badRequest, "malformed header name")
        }
        let value = Self.trimmedString(bytes[(colon + 1)..<range.upperBound])
        return SIPHeaderField(name: String(decoding: nameBytes, as: UTF8.self), value: value)
    }

    /// The bytes without leading and trailing SP/HTAB, as a string: trimmed before decoding.
    private static func trimmedString(_ slice: ArraySlice<UInt8>) -> String {
        guard let first = slice.firstIndex(where: { !$0.isSIPWhitespace }),
              let last = slice.lastIndex(where: { !$0.isSIPWhitespace })
        else { return "" }
        return String(decoding: slice[first...last], as: UTF8.self)
    }

    private mutating func nextLineRange() -> Range<Int>? {
        guard position < bytes.count else { return nil }
        let start = position
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        var end = index
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        position = min(index + 1, bytes.count)
        return start..<end
    }
}
