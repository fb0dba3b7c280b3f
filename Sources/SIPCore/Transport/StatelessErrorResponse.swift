/// The response to a request that could not be parsed into a ``SIPMessage`` (400, 505), built
/// statelessly from the raw header lines the parser could still read (RFC 3261 §8.2.6.2).
enum StatelessErrorResponse {
    /// The response bytes, or `nil` when the error says "drop" or the request has no Via to copy.
    ///
    /// A request missing From, To, Call-ID or CSeq (RFC 4475 §3.3.1) still gets its 400 with what it
    /// has: the client matches responses by the Via branch (RFC 3261 §17.1.3).
    static func bytes(for error: SIPParseError, localTag: String) -> [UInt8]? {
        guard let status = error.responseStatus, let headers = error.headers else { return nil }
        let vias = headers.values(.via)
        guard !vias.isEmpty else { return nil }
        var text = "SIP/2.0 \(status) \(SIPStatus.reasonPhrase(for: status)) (\(error.reason))\r\n"
        for via in vias { text += "Via: \(via)\r\n" }
        if let from = headers[.from] { text += "From: \(from)\r\n" }
        if let to = headers[.to] {
            text += to.contains("tag=") ? "To: \(to)\r\n" : "To: \(to);tag=\(localTag)\r\n"
        }
        if let callID = headers[.callID] { text += "Call-ID: \(callID)\r\n" }
        if let cseq = headers[.cseq] { text += "CSeq: \(cseq)\r\n" }
        text += "Warning: 399 parley \"\(error.reason)\"\r\nContent-Length: 0\r\n\r\n"
        return Array(text.utf8)
    }
}
