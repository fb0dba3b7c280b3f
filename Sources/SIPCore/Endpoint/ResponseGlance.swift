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
                let name = HeaderLineScanning.packedName(bytes[lineStart..<colon])
                if branch == nil, HeaderLineScanning.isVia(name) {
                    guard let value = HeaderLineScanning.branchValue(in: bytes[(colon + 1)..<lineEnd]) else { return nil }
                    branch = String(decoding: bytes[value], as: UTF8.self)
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

    private static let cseq = HeaderLineScanning.packed("cseq")

    /// The method after the sequence number: `CSeq: 10 MESSAGE`.
    private static func method(in value: ArraySlice<UInt8>) -> SIPMethod? {
        let tokens = value.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
        guard tokens.count == 2 else { return nil }
        return SIPMethod(rawValue: String(decoding: tokens[1], as: UTF8.self))
    }
}
