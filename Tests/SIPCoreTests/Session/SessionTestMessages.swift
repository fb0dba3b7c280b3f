import SIPCore

/// The messages of a peer (a phone at 192.0.2.20) talking to the session under test.
enum SessionTestMessages {
    static let callID = "a84b4c76e66710@192.0.2.20"
    static let phoneTag = "1928301774"

    /// An SDP of the phone (or of Parley) with the given version and direction.
    static func sdp(version: UInt64 = 1, port: Int = 49170, direction: String = "sendrecv", host: String = "192.0.2.20") throws -> SessionDescription {
        try SessionDescription(parsing: [
            "v=0", "o=phone 2890844526 \(version) IN IP4 \(host)", "s=-", "c=IN IP4 \(host)", "t=0 0",
            "m=audio \(port) RTP/AVP 0 101", "a=rtpmap:0 PCMU/8000", "a=rtpmap:101 telephone-event/8000",
            "a=\(direction)", "",
        ].joined(separator: "\r\n"))
    }

    static func parse(_ lines: [String], body: String = "") throws -> SIPMessage {
        try SIPMessage(parsing: Array((lines.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8))
    }

    /// A request from the phone; `toTag` puts it in the dialog.
    static func request(
        _ method: String, cseq: UInt32, toTag: String? = nil, sdp: SessionDescription? = nil,
        extra: [String] = [], branch: String = "z9hG4bK776asdhds", cseqMethod: String? = nil
    ) throws -> SIPMessage {
        let body = sdp?.serialized() ?? ""
        var lines = [
            "\(method) sip:conf@192.0.2.10:5060 SIP/2.0",
            "Via: SIP/2.0/UDP 192.0.2.20:5060;branch=\(branch)",
            "Max-Forwards: 70",
            "From: <sip:alice@192.0.2.20>;tag=\(phoneTag)",
            "To: <sip:conf@192.0.2.10>" + (toTag.map { ";tag=\($0)" } ?? ""),
            "Call-ID: \(callID)",
            "CSeq: \(cseq) \(cseqMethod ?? method)",
            "Contact: <sip:alice@192.0.2.20:5060>",
        ] + extra
        if sdp != nil { lines.append("Content-Type: application/sdp") }
        lines.append("Content-Length: \(body.utf8.count)")
        return try parse(lines, body: body)
    }

    /// A response of the phone to `request` (sent by the session), with To tag and Contact.
    static func response(
        _ statusCode: Int, to request: SIPMessage, toTag: String? = phoneTag, sdp: SessionDescription? = nil,
        extra: [SIPHeaderField] = []
    ) -> SIPMessage {
        var response = SIPMessage(
            responseTo: request, statusCode: statusCode, headers: extra,
            body: sdp.map { Array($0.serialized().utf8) } ?? [], contentType: sdp == nil ? nil : "application/sdp")
        if let toTag, response.to.tag == nil { response.to.tag = toTag }
        if statusCode > 100, statusCode < 300 {
            response.contacts = [SIPNameAddress(uri: SIPURI(user: "alice", host: "192.0.2.20", port: 5060))]
        }
        return response
    }
}
