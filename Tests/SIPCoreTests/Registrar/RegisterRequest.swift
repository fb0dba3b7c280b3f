import SIPCore

/// Builds REGISTER requests for the registrar tests by parsing wire text, the way they arrive.
enum RegisterRequest {
    static let source = BindingSourceAddress(host: "198.51.100.7", port: 40_123, transport: "udp")

    static func make(
        requestURI: String = "sip:example.com", to: String = "<sip:alice@example.com>",
        callID: String = "a84b4c76e66710@pc33.example.com", sequenceNumber: UInt32 = 1, contacts: [String] = [],
        expires: String? = nil, extraHeaders: [String] = []
    ) throws -> SIPMessage {
        var lines = [
            "REGISTER \(requestURI) SIP/2.0",
            "Via: SIP/2.0/UDP 192.168.1.20:5060;branch=z9hG4bKnashds\(sequenceNumber)",
            "Max-Forwards: 70",
            "To: \(to)",
            "From: \(to);tag=456248",
            "Call-ID: \(callID)",
            "CSeq: \(sequenceNumber) REGISTER",
        ]
        lines += contacts.map { "Contact: \($0)" }
        if let expires { lines.append("Expires: \(expires)") }
        lines += extraHeaders
        lines += ["Content-Length: 0", "", ""]
        return try SIPMessage(parsing: Array(lines.joined(separator: "\r\n").utf8))
    }
}
