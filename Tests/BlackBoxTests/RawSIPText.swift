import Foundation

/// Reads header values and status codes from raw message bytes in tests, without the parser
/// under test (so a response the parser would refuse can still be checked).
enum RawSIPText {
    /// The value of the first header named `name` or its compact form, as written.
    static func header(_ names: Set<String>, in bytes: [UInt8]) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        let headerPart = (text.components(separatedBy: "\r\n\r\n").first ?? text)
            .replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\r\n\t", with: " ")
        for line in headerPart.components(separatedBy: "\r\n").dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            if names.contains(name) { return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }

    /// The Call-ID of a message.
    static func callID(_ bytes: [UInt8]) -> String? { header(["call-id", "i"], in: bytes) }

    /// The CSeq of a message, with runs of whitespace folded to one space.
    static func cseq(_ bytes: [UInt8]) -> String? {
        header(["cseq"], in: bytes).map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    }

    /// The status code of a response, `nil` for a request.
    static func statusCode(_ bytes: [UInt8]) -> Int? {
        let text = String(decoding: bytes.prefix(16), as: UTF8.self)
        guard text.hasPrefix("SIP/2.0 ") else { return nil }
        return Int(text.dropFirst(8).prefix(3))
    }
}
