import SIPCore

/// Real SIP messages for the transaction tests, parsed from wire text (CRLF line ends).
enum TransactionTestMessages {
    /// Parses `lines` joined with CRLF, with the blank line that ends the header section.
    static func parse(_ lines: [String], body: String = "") throws -> SIPMessage {
        try SIPMessage(parsing: Array((lines.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8))
    }

    /// An INVITE from alice through an outbound proxy (two Route lines), as a UAC sends it.
    static func invite(branch: String = "z9hG4bK74bf9", transport: String = "UDP") throws -> SIPMessage {
        try parse([
            "INVITE sip:bob@biloxi.example.com SIP/2.0",
            "Via: SIP/2.0/\(transport) pc33.atlanta.example.com:5060;branch=\(branch)",
            "Max-Forwards: 70",
            "Route: <sip:proxy1.atlanta.example.com;lr>",
            "Route: <sip:proxy2.biloxi.example.com;lr>",
            "From: Alice <sip:alice@atlanta.example.com>;tag=9fxced76sl",
            "To: Bob <sip:bob@biloxi.example.com>",
            "Call-ID: 3848276298220188511@atlanta.example.com",
            "CSeq: 314159 INVITE",
            "Contact: <sip:alice@pc33.atlanta.example.com>",
            "Timestamp: 54",
            "Content-Length: 0",
        ])
    }

    /// A non-INVITE request (OPTIONS) from alice.
    static func options(branch: String = "z9hG4bKnashds8", transport: String = "UDP") throws -> SIPMessage {
        try parse([
            "OPTIONS sip:bob@biloxi.example.com SIP/2.0",
            "Via: SIP/2.0/\(transport) pc33.atlanta.example.com:5060;branch=\(branch)",
            "Max-Forwards: 70",
            "From: Alice <sip:alice@atlanta.example.com>;tag=1928301774",
            "To: <sip:bob@biloxi.example.com>",
            "Call-ID: a84b4c76e66710@pc33.atlanta.example.com",
            "CSeq: 63104 OPTIONS",
            "Content-Length: 0",
        ])
    }

    /// A response to `request` as the peer sends it, with a To tag on everything but 100.
    static func response(_ statusCode: Int, to request: SIPMessage, toTag: String = "a6c85cf") -> SIPMessage {
        var response = SIPMessage(responseTo: request, statusCode: statusCode)
        if statusCode != 100 { response.to.tag = toTag }
        return response
    }
}
