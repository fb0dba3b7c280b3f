/// Lines, header names and the Via branch in raw message bytes, for the glances that read a
/// datagram before parsing it (``ResponseGlance``, ``FanOutResponseGlance``).
enum HeaderLineScanning {
    /// Index of the CR or LF ending the line that starts at `start` (or the end of the bytes).
    static func lineEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != UInt8(ascii: "\r"), bytes[index] != UInt8(ascii: "\n") { index += 1 }
        return index
    }

    /// Index of the first byte after the line ending at or containing `index` and its CRLF or LF.
    static func nextLine(_ bytes: [UInt8], after index: Int) -> Int {
        var next = lineEnd(bytes, from: index)
        if next < bytes.count, bytes[next] == UInt8(ascii: "\r") { next += 1 }
        if next < bytes.count, bytes[next] == UInt8(ascii: "\n") { next += 1 }
        return next
    }

    /// The header name lower-cased and packed into an integer, blanks before the colon left out
    /// (RFC 3261 §7.3.1); 0 past 8 letters, since none of the names looked for is longer.
    static func packedName(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        guard end - bytes.startIndex <= 8 else { return 0 }
        return bytes[bytes.startIndex..<end].reduce(0) { $0 << 8 | UInt64($1 | 0x20) }
    }

    /// A lower-case header name packed as ``packedName(_:)`` packs one.
    static func packed(_ name: String) -> UInt64 {
        name.utf8.reduce(0) { $0 << 8 | UInt64($1) }
    }

    private static let via = packed("via")
    private static let compactVia = packed("v")
    private static let branchName = Array("branch=".utf8)

    /// Whether a packed header name is `Via` or its compact form `v`.
    static func isVia(_ packedName: UInt64) -> Bool {
        packedName == via || packedName == compactVia
    }

    /// Where the `branch` parameter's value stands in the first Via value on the line (the values
    /// are comma-separated); `nil` when it has none or an empty one.
    static func branchValue(in value: ArraySlice<UInt8>) -> Range<Int>? {
        let first = value[value.startIndex..<(value.firstIndex(of: UInt8(ascii: ",")) ?? value.endIndex)]
        var index = first.startIndex
        while index < first.endIndex {
            guard let semicolon = first[index...].firstIndex(of: UInt8(ascii: ";")) else { return nil }
            var start = semicolon + 1
            while start < first.endIndex, first[start] == UInt8(ascii: " ") || first[start] == UInt8(ascii: "\t") { start += 1 }
            if first.endIndex - start > branchName.count,
               zip(first[start..<(start + branchName.count)], branchName).allSatisfy({ $0 | 0x20 == $1 })
            {
                let valueStart = start + branchName.count
                var end = valueStart
                while end < first.endIndex, ![UInt8(ascii: ";"), UInt8(ascii: " "), UInt8(ascii: "\t")].contains(first[end]) {
                    end += 1
                }
                return end > valueStart ? valueStart..<end : nil
            }
            index = start
        }
        return nil
    }
}
