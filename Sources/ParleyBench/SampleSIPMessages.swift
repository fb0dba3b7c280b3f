/// The messages the SIP benchmarks parse: what a conference server receives most, written the way
/// real clients write them (header set and order of a desk phone / softphone, RFC 3261 §20).
enum SampleSIPMessages {
    /// An instant message to a chat room (RFC 3428), about 400 bytes.
    static let message: [UInt8] = wireBytes(
        startLine: "MESSAGE sip:chat-4242@conference.example.org SIP/2.0",
        headers: [
            "Via: SIP/2.0/UDP 192.0.2.45:5060;rport;branch=z9hG4bK.6c1f2a9e",
            "Max-Forwards: 70",
            "From: \"Alice Martin\" <sip:alice@example.org>;tag=8a4f2c1e",
            "To: <sip:chat-4242@conference.example.org>",
            "Call-ID: 5f1c9a2e7b3d4c60",
            "CSeq: 2 MESSAGE",
            "User-Agent: Linphone/5.2.5 (belle-sip/5.2.4)",
            "Content-Type: text/plain",
        ],
        body: "Slides are in the shared folder."
    )

    /// A call to a conference room from a desk phone, SDP offer included (RFC 3264), about 900 bytes.
    static let invite: [UInt8] = wireBytes(
        startLine: "INVITE sip:4242@conference.example.org SIP/2.0",
        headers: [
            "Via: SIP/2.0/UDP 192.0.2.45:5060;rport;branch=z9hG4bK3b7e1d9a0c52f864",
            "Max-Forwards: 69",
            "Record-Route: <sip:198.51.100.10;lr;ftag=1928301774>",
            "Route: <sip:198.51.100.20;lr>",
            "From: \"Alice Martin\" <sip:alice@example.org>;tag=1928301774",
            "To: <sip:4242@conference.example.org>",
            "Call-ID: a84b4c76e66710@pc33.example.org",
            "CSeq: 314159 INVITE",
            "Contact: <sip:alice@192.0.2.45:5060;transport=udp>",
            "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, NOTIFY",
            "Supported: replaces, timer, 100rel",
            "User-Agent: Yealink SIP-T54W 96.86.0.70",
            "Content-Type: application/sdp",
        ],
        body: [
            "v=0",
            "o=- 2890844526 2890844526 IN IP4 192.0.2.45",
            "s=Talk",
            "c=IN IP4 192.0.2.45",
            "t=0 0",
            "m=audio 11796 RTP/AVP 0 8 9 111 101",
            "a=rtpmap:0 PCMU/8000",
            "a=rtpmap:8 PCMA/8000",
            "a=rtpmap:9 G722/8000",
            "a=rtpmap:111 opus/48000/2",
            "a=fmtp:111 useinbandfec=1; minptime=10",
            "a=rtpmap:101 telephone-event/8000",
            "a=fmtp:101 0-16",
            "a=ptime:20",
            "a=sendrecv",
            "",
        ].joined(separator: "\r\n")
    )

    /// A request as it goes on the wire: CRLF line ends and a Content-Length that counts the body.
    private static func wireBytes(startLine: String, headers: [String], body: String) -> [UInt8] {
        let bodyBytes = Array(body.utf8)
        let lines = [startLine] + headers + ["Content-Length: \(bodyBytes.count)", "", ""]
        return Array(lines.joined(separator: "\r\n").utf8) + bodyBytes
    }
}
