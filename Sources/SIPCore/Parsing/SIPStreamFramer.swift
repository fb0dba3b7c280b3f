/// Cuts whole messages off a byte stream (TCP), where Content-Length is the only framing
/// (RFC 3261 §18.3), and skips the CRLF keep-alives of RFC 5626 §3.5.1 between messages.
public enum SIPStreamFramer {
    /// What the start of a stream buffer holds.
    public enum Frame: Sendable, Equatable {
        /// A whole message of this many bytes, after `skipping` leading keep-alive bytes.
        case message(skipping: Int, length: Int)
        /// Only keep-alive CRLFs (this many bytes), answered with a single CRLF (RFC 5626 §4.4.1).
        case keepAlive(length: Int)
        /// More bytes are needed.
        case incomplete
    }

    /// The largest header section accepted before a stream is given up as garbage.
    public static let maximumHeaderBytes = 64 * 1024

    /// Finds the first message in `buffer`.
    ///
    /// - Throws: ``SIPParseError`` when Content-Length is malformed, negative, ambiguous or the headers
    ///   run past ``maximumHeaderBytes``; the stream cannot be resynchronised and must be closed.
    public static func frame(_ buffer: some RandomAccessCollection<UInt8>) throws(SIPParseError) -> Frame {
        var skipped = 0
        var index = buffer.startIndex
        while index != buffer.endIndex, buffer[index] == UInt8(ascii: "\r") || buffer[index] == UInt8(ascii: "\n") {
            skipped += 1
            index = buffer.index(after: index)
        }
        if index == buffer.endIndex {
            return skipped >= 4 ? .keepAlive(length: skipped) : .incomplete
        }
        guard let headerEnd = endOfHeaders(in: buffer, from: index) else {
            if buffer.distance(from: index, to: buffer.endIndex) > maximumHeaderBytes {
                throw SIPParseError(.badRequest, "header section too large")
            }
            return .incomplete
        }
        var reader = SIPLineReader(Array(buffer[index..<headerEnd]))
        _ = reader.nextLine()
        let headers = try reader.headerLines()
        let bodyLength = try contentLength(headers) ?? 0
        let headerLength = buffer.distance(from: index, to: headerEnd)
        guard buffer.distance(from: headerEnd, to: buffer.endIndex) >= bodyLength else { return .incomplete }
        return .message(skipping: skipped, length: headerLength + bodyLength)
    }

    /// The Content-Length of a header section, `nil` when absent.
    static func contentLength(_ headers: SIPHeaderFields) throws(SIPParseError) -> Int? {
        try contentLength(headers.values(.contentLength))
    }

    /// The Content-Length given by these values of its header lines, `nil` when there are none.
    ///
    /// Several Content-Length lines that disagree (RFC 4475 §3.3.9) or a value that is not a
    /// non-negative decimal number (RFC 4475 §3.1.2.3) make the framing undefined.
    static func contentLength(_ values: [String]) throws(SIPParseError) -> Int? {
        guard let first = values.first else { return nil }
        guard values.allSatisfy({ $0 == first }) else { throw SIPParseError(.badRequest, "conflicting Content-Length values") }
        guard first.utf8.count <= 9, first.isASCIIDigits, let length = Int(first) else {
            throw SIPParseError(.badRequest, "malformed Content-Length")
        }
        return length
    }

    /// The index just after the empty line that ends the headers (CRLFCRLF, or LFLF).
    private static func endOfHeaders<Bytes: RandomAccessCollection<UInt8>>(in buffer: Bytes, from start: Bytes.Index) -> Bytes.Index? {
        var index = start
        var newlines = 0
        while index != buffer.endIndex {
            switch buffer[index] {
            case UInt8(ascii: "\n"):
                newlines += 1
                if newlines == 2 { return buffer.index(after: index) }
            case UInt8(ascii: "\r"):
                break
            default:
                newlines = 0
            }
            index = buffer.index(after: index)
        }
        return nil
    }
}
