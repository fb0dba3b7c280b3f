/// What the fan-out sink makes of one datagram: a request's method, its Call-ID (hashed) and the
/// `200 OK` that answers it.
///
/// Works on the raw bytes: the sink must stay far cheaper than the servers it measures, and it
/// needs only the headers RFC 3261 §8.2.6.2 copies into a response (Via, From, To, Call-ID, CSeq).
struct SinkReply {
    /// Whether the request is a MESSAGE (the fan-out the benchmark counts).
    let isMessage: Bool
    /// FNV-1a hash of the Call-ID value: equal for a retransmission, distinct for each fan-out.
    let callIDHash: UInt64
    /// `SIP/2.0 200 OK` with the request's Via, From, To (tagged), Call-ID and CSeq.
    let response: [UInt8]

    private enum CopiedHeader {
        case via, from, to, callID, cseq
    }

    private static let carriageReturn = UInt8(ascii: "\r")
    private static let lineFeed = UInt8(ascii: "\n")
    private static let colon = UInt8(ascii: ":")
    private static let statusLine = Array("SIP/2.0 200 OK\r\n".utf8)
    private static let trailer = Array("Content-Length: 0\r\n\r\n".utf8)
    private static let toTag = Array(";tag=fanout-sink".utf8)
    private static let tagParameter = Array(";tag=".utf8)
    private static let message = Array("MESSAGE ".utf8)
    private static let responsePrefix = Array("SIP/2.0 ".utf8)

    /// `nil` for a response or a request without Call-ID.
    init?(request bytes: UnsafeRawBufferPointer) {
        guard !Self.startsWith(bytes, 0, Self.responsePrefix) else { return nil }
        var response = Self.statusLine
        response.reserveCapacity(bytes.count)
        var hash: UInt64?
        var lineStart = Self.endOfLine(bytes, from: 0)
        while lineStart < bytes.count {
            let lineEnd = Self.lineEnd(bytes, from: lineStart)
            if lineEnd == lineStart { break }  // the empty line ending the header section
            if let header = Self.copiedHeader(bytes, lineStart, lineEnd) {
                response.append(contentsOf: bytes[lineStart..<lineEnd])
                switch header {
                case .to where !Self.contains(bytes, lineStart, lineEnd, Self.tagParameter):
                    // RFC 3261 §8.2.6.2: a response outside a dialog adds a To tag.
                    response.append(contentsOf: Self.toTag)
                case .callID:
                    hash = Self.valueHash(bytes, lineStart, lineEnd)
                default:
                    break
                }
                response.append(contentsOf: [Self.carriageReturn, Self.lineFeed])
            }
            lineStart = Self.endOfLine(bytes, from: lineEnd)
        }
        guard let hash else { return nil }
        response.append(contentsOf: Self.trailer)
        isMessage = Self.startsWith(bytes, 0, Self.message)
        callIDHash = hash
        self.response = response
    }

    /// Index of the CR or LF ending the line that starts at `start` (or the end of the datagram).
    private static func lineEnd(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        while index < bytes.count, bytes[index] != carriageReturn, bytes[index] != lineFeed { index += 1 }
        return index
    }

    /// Index of the first byte after the line (and its CRLF or LF) that contains `index`.
    private static func endOfLine(_ bytes: UnsafeRawBufferPointer, from index: Int) -> Int {
        var next = lineEnd(bytes, from: index)
        if next < bytes.count, bytes[next] == carriageReturn { next += 1 }
        if next < bytes.count, bytes[next] == lineFeed { next += 1 }
        return next
    }

    /// Which of the copied headers the line is, long or compact name (RFC 3261 §7.3.3), any case.
    private static func copiedHeader(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> CopiedHeader? {
        var nameEnd = start
        while nameEnd < end, bytes[nameEnd] != colon { nameEnd += 1 }
        guard nameEnd < end else { return nil }
        while nameEnd > start, bytes[nameEnd - 1] == UInt8(ascii: " ") || bytes[nameEnd - 1] == UInt8(ascii: "\t") {
            nameEnd -= 1
        }
        var name = 0 as UInt64  // up to 8 lower-cased letters packed, enough for "call-id"
        guard nameEnd - start <= 8 else { return nil }
        for index in start..<nameEnd { name = name << 8 | UInt64(bytes[index] | 0x20) }
        switch name {
        case packed("via"), packed("v"): return .via
        case packed("from"), packed("f"): return .from
        case packed("to"), packed("t"): return .to
        case packed("call-id"), packed("i"): return .callID
        case packed("cseq"): return .cseq
        default: return nil
        }
    }

    private static func packed(_ name: StaticString) -> UInt64 {
        var value = 0 as UInt64
        for index in 0..<name.utf8CodeUnitCount { value = value << 8 | UInt64(name.utf8Start[index]) }
        return value
    }

    /// FNV-1a over the header value with surrounding blanks left out.
    private static func valueHash(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int) -> UInt64 {
        var index = start
        while bytes[index] != colon { index += 1 }
        index += 1
        var valueEnd = end
        while index < valueEnd, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        while valueEnd > index, bytes[valueEnd - 1] == UInt8(ascii: " ") || bytes[valueEnd - 1] == UInt8(ascii: "\t") {
            valueEnd -= 1
        }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for position in index..<valueEnd { hash = (hash ^ UInt64(bytes[position])) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    private static func startsWith(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ prefix: [UInt8]) -> Bool {
        guard bytes.count - start >= prefix.count else { return false }
        for (offset, byte) in prefix.enumerated() where bytes[start + offset] != byte { return false }
        return true
    }

    private static func contains(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ end: Int, _ needle: [UInt8]) -> Bool {
        guard end - start >= needle.count else { return false }
        for candidate in start...(end - needle.count) {
            var matches = true
            for (offset, byte) in needle.enumerated() where bytes[candidate + offset] | 0x20 != byte | 0x20 {
                matches = false
                break
            }
            if matches { return true }
        }
        return false
    }
}
