import Testing

@testable import SIPCore

/// The endpoint's look at a response before parsing it finds the same client transaction key as
/// the full parse, or gives up.
@Suite struct ResponseGlanceTests {
    static func bytes(_ lines: [String]) -> [UInt8] {
        Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }

    @Test(arguments: [
        ["SIP/2.0 200 OK", "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK-a1;rport=5070", "From: <sip:a@x>;tag=1",
         "To: <sip:b@x>;tag=2", "Call-ID: c1", "CSeq: 10 MESSAGE", "Content-Length: 0"],
        ["SIP/2.0 486 Busy Here", "cseq:7   INVITE", "v : SIP/2.0/UDP [::1]:5070 ; Branch=z9hG4bKCase ;rport, SIP/2.0/UDP h;branch=z9hG4bK-2",
         "Via: SIP/2.0/UDP other;branch=z9hG4bK-3", "f: <sip:a@x>;tag=1", "t: <sip:b@x>", "i: c2", "l: 0"],
    ])
    func findsTheKeyTheParserFinds(lines: [String]) throws {
        let bytes = Self.bytes(lines)
        let glance = try #require(ResponseGlance(bytes))
        let parsed = try SIPMessage(parsing: bytes)
        #expect(TransactionKey.client(branch: glance.branch, method: glance.method) == TransactionKey.client(for: parsed))
    }

    @Test func requestsAndFoldedViasAreLeftToTheParser() {
        #expect(ResponseGlance(Self.bytes([
            "MESSAGE sip:b@x SIP/2.0", "Via: SIP/2.0/UDP h;branch=z9hG4bK-1", "CSeq: 1 MESSAGE"])) == nil)
        #expect(ResponseGlance(Self.bytes([
            "SIP/2.0 200 OK", "Via: SIP/2.0/UDP h", " ;branch=z9hG4bK-1", "CSeq: 1 MESSAGE"])) == nil)
        #expect(ResponseGlance(Self.bytes(["SIP/2.0 200 OK", "Via: SIP/2.0/UDP h;branch=z9hG4bK-1"])) == nil,
                "no CSeq")
    }
}
