/// What the endpoint reads of a datagram before parsing it: a response's top Via branch and CSeq
/// method, enough to find its client transaction (RFC 3261 §17.1.3).
///
/// A completed non-INVITE client transaction absorbs every further response (§17.1.2.2), so a
/// retransmitted final response is dropped without the full parse. Only a match is trusted: a
/// glance that finds no transaction, or a message it cannot read simply (folded lines, a branch
/// it cannot find), falls back to the full parse.
struct ResponseGlance {
    /// The top Via's branch, as the message spells it.
    let branch: String
    /// The CSeq method.
    let method: SIPMethod

    private static let statusLinePrefix = Array("SIP/2.0 ".utf8)
    private static let branchName = Array("branch=".utf8)

    /// `nil` for a request, or when the top Via branch or CSeq method is not plainly there.
    init?(_ bytes: [UInt8]) {
        guard bytes.count > Self.statusLinePrefix.count, bytes.starts(with: Self.statusLinePrefix) else { return nil }
        var branch: String?
        var method: SIPMethod?
        var lineStart = HeaderLineScanning.nextLine(bytes, after: 0)
        while lineStart < bytes.count, branch == nil || method == nil {
            let lineEnd = HeaderLineScanning.lineEnd(bytes, from: lineStart)
            guard lineEnd > lineStart else { break }  // the empty line: end of the headers
            // A folded header (a line starting with blank space) is left to the full parser.
            guard bytes[lineStart] != UInt8(ascii: " "), bytes[lineStart] != UInt8(ascii: "\t") else { return nil }
            if let colon = bytes[lineStart..<lineEnd].firstIndex(of: UInt8(ascii: ":")) {
                let name = Self.packedName(bytes[lineStart..<colon])
                if branch == nil, name == Self.via || name == Self.compactVia {
                    guard let value = Self.branch(in: bytes[(colon + 1)..<lineEnd]) else { return nil }
                    branch = value
                } else if method == nil, name == Self.cseq {
                    guard let value = Self.method(in: bytes[(colon + 1)..<lineEnd]) else { return nil }
                    method = value
                }
            }
            lineStart = HeaderLineScanning.nextLine(bytes, after: lineEnd)
        }
        guard let branch, let method else { return nil }
        self.branch = branch
        self.method = method
    }

    private static let via = packed("via")
    private static let compactVia = packed("v")
    private static let cseq = packed("cseq")

    /// The header name lower-cased and packed into an integer, blanks before the colon left out
    /// (RFC 3261 §7.3.1); 0 past 8 letters, since none of the names looked for is longer.
    private static func packedName(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var end = bytes.endIndex
        while end > bytes.startIndex, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        guard end - bytes.startIndex <= 8 else { return 0 }
        return bytes[bytes.startIndex..<end].reduce(0) { $0 << 8 | UInt64($1 | 0x20) }
    }

    private static func packed(_ name: String) -> UInt64 {
        name.utf8.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// The `branch` parameter of the first Via value on the line (the values are comma-separated).
    private static func branch(in value: ArraySlice<UInt8>) -> String? {
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
                return end > valueStart ? String(decoding: first[valueStart..<end], as: UTF8.self) : nil
            }
            index = start
        }
        return nil
    }

    /// The method after the sequence number: `CSeq: 10 MESSAGE`.
    private static func method(in value: ArraySlice<UInt8>) -> SIPMethod? {
        let tokens = value.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
        guard tokens.count == 2 else { return nil }
        return SIPMethod(rawValue: String(decoding: tokens[1], as: UTF8.self))
    }
}
