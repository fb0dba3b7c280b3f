import SIPCore

/// Realistic messages of one call, shaped after RFC 3665 §3.2 (a session through two proxies,
/// ss1.atlanta.example.com and ss2.biloxi.example.com, which both record-route).
enum DialogTestMessages {
    static let callID = "3848276298220188511@atlanta.example.com"
    static let aliceTag = "9fxced76sl"
    static let bobTag = "314159"

    /// Parses a message written as lines, adding CRLFs and the empty line.
    static func parse(_ lines: [String], body: String = "") throws -> SIPMessage {
        try SIPMessage(parsing: Array((lines.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8))
    }

    /// Alice's INVITE as her UA sends it (the UAC's view), with credentials for ss1.
    static func aliceInvite(requestURI: String = "sip:bob@biloxi.example.com") throws -> SIPMessage {
        try parse([
            "INVITE \(requestURI) SIP/2.0",
            "Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9",
            "Max-Forwards: 70",
            "From: Alice <sip:alice@atlanta.example.com>;tag=\(aliceTag)",
            "To: Bob <\(requestURI)>",
            "Call-ID: \(callID)",
            "CSeq: 1 INVITE",
            "Contact: <sip:alice@client.atlanta.example.com;transport=udp>",
            "Proxy-Authorization: Digest username=\"alice\", realm=\"atlanta.example.com\", "
                + "nonce=\"wf84f1cczx41ae6cbeaea9ce88d359\", uri=\"sip:bob@biloxi.example.com\", "
                + "response=\"42ce3cef44b22f50c6a6071bc8\"",
            "Content-Length: 0",
        ])
    }

    /// A response to Alice's INVITE as it reaches her UA: Record-Route lists ss2 (nearest Bob)
    /// first, on two lines.
    static func responseToAlice(
        _ status: String, toTag: String? = bobTag, contact: String? = "<sip:bob@client.biloxi.example.com>",
        recordRoute: [String] = ["<sip:ss2.biloxi.example.com;lr>", "<sip:ss1.atlanta.example.com;lr>"]
    ) throws -> SIPMessage {
        var lines = [
            "SIP/2.0 \(status)",
            "Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9;received=192.0.2.101",
        ]
        lines += recordRoute.map { "Record-Route: \($0)" }
        lines += [
            "From: Alice <sip:alice@atlanta.example.com>;tag=\(aliceTag)",
            "To: Bob <sip:bob@biloxi.example.com>" + (toTag.map { ";tag=\($0)" } ?? ""),
            "Call-ID: \(callID)",
            "CSeq: 1 INVITE",
        ]
        if let contact { lines.append("Contact: \(contact)") }
        lines.append("Content-Length: 0")
        return try parse(lines)
    }

    /// Alice's INVITE as it reaches Parley (the UAS's view) after both proxies.
    static func inviteAtParley(
        recordRoute: String = "<sip:ss2.biloxi.example.com;lr>, <sip:ss1.atlanta.example.com;lr>",
        requestURI: String = "sip:conf-4242@parley.example.com",
        contact: String? = "<sip:alice@client.atlanta.example.com>"
    ) throws -> SIPMessage {
        var lines = [
            "INVITE \(requestURI) SIP/2.0",
            "Via: SIP/2.0/UDP ss2.biloxi.example.com:5060;branch=z9hG4bK721e4.1",
            "Via: SIP/2.0/UDP ss1.atlanta.example.com:5060;branch=z9hG4bK2d4790.1;received=192.0.2.111",
            "Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bK74bf9;received=192.0.2.101",
            "Max-Forwards: 68",
            "Record-Route: \(recordRoute)",
            "From: Alice <sip:alice@atlanta.example.com>;tag=\(aliceTag)",
            "To: <\(requestURI)>",
            "Call-ID: \(callID)",
            "CSeq: 1 INVITE",
        ]
        if let contact { lines.append("Contact: \(contact)") }
        lines.append("Content-Length: 0")
        return try parse(lines)
    }

    /// Parley's answer to `invite`, with its To tag and Contact.
    static func parleyResponse(to invite: SIPMessage, statusCode: Int = 200, tag: String = "parley-1") throws -> SIPMessage {
        var response = SIPMessage(responseTo: invite, statusCode: statusCode)
        response.to.tag = tag
        response.contacts = [SIPNameAddress(uri: try SIPURI(parsing: "sip:conf-4242@192.0.2.50:5060"))]
        return response
    }

    /// A request Alice sends in the dialog, as it reaches Parley.
    static func aliceInDialogRequest(
        _ method: String, cseq: UInt32, contact: String? = nil, toTag: String = "parley-1"
    ) throws -> SIPMessage {
        var lines = [
            "\(method) sip:conf-4242@192.0.2.50:5060 SIP/2.0",
            "Via: SIP/2.0/UDP ss2.biloxi.example.com:5060;branch=z9hG4bK721e4.\(cseq)",
            "Via: SIP/2.0/UDP client.atlanta.example.com:5060;branch=z9hG4bKnashds\(cseq);received=192.0.2.101",
            "Max-Forwards: 69",
            "From: Alice <sip:alice@atlanta.example.com>;tag=\(aliceTag)",
            "To: <sip:conf-4242@parley.example.com>;tag=\(toTag)",
            "Call-ID: \(callID)",
            "CSeq: \(cseq) \(method)",
        ]
        if let contact { lines.append("Contact: \(contact)") }
        lines.append("Content-Length: 0")
        return try parse(lines)
    }

    /// A Via as the transport layer would give it.
    static func via(branch: String) -> SIPVia {
        SIPVia(transport: "UDP", host: "client.atlanta.example.com", port: 5060, parameters: [SIPParameter(name: "branch", value: branch)])
    }
}
