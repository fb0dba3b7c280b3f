import Testing

@testable import SIPCore

/// The endpoint reads a fan-out copy's response by its status code and top Via branch only, and
/// leaves everything else to the full parse.
@Suite struct FanOutResponseGlanceTests {
    static func bytes(_ lines: [String]) -> [UInt8] {
        Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }

    @Test func readsStatusAndIdentifierFromTheTopVia() throws {
        let branch = FanOutRequestWriter.branch(0x0123_4567_89ab_cdef)
        let glance = try #require(FanOutResponseGlance(Self.bytes([
            "SIP/2.0 200 OK", "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=\(branch);rport=5070;received=127.0.0.1",
            "Via: SIP/2.0/UDP proxy;branch=z9hG4bK-x", "CSeq: 10 MESSAGE", "Content-Length: 0"])))
        #expect(glance.statusCode == 200)
        #expect(glance.identifier == 0x0123_4567_89ab_cdef)
    }

    @Test func compactFormBlanksAndParameterCaseAreRead() throws {
        let branch = FanOutRequestWriter.branch(42)
        let glance = try #require(FanOutResponseGlance(Self.bytes([
            "SIP/2.0 180 Ringing", "i: c1", "v : SIP/2.0/UDP h:5070;rport;BRANCH=\(branch)", "l: 0"])))
        #expect(glance.statusCode == 180)
        #expect(glance.identifier == 42)
    }

    @Test func blanksAroundTheParameterSemicolonAreReadAsTheFullParserReadsThem() throws {
        let bytes = Self.bytes(["SIP/2.0 200 OK", "Via: SIP/2.0/UDP h:5070 ; branch=\(FanOutRequestWriter.branch(7)) ;rport", "From: <sip:a@x>;tag=1",
            "To: <sip:b@x>;tag=2", "Call-ID: c7", "CSeq: 10 MESSAGE", "Content-Length: 0"])
        #expect(try #require(FanOutResponseGlance(bytes)).identifier == 7)
        #expect(try SIPMessage(parsing: bytes).topVia?.branch == FanOutRequestWriter.branch(7))
    }

    @Test(arguments: [
        (["MESSAGE sip:b@x SIP/2.0", "Via: SIP/2.0/UDP h;branch=\(FanOutRequestWriter.branch(1))"], "a request"),
        (["SIP/2.0 200 OK", "Via: SIP/2.0/UDP h;branch=z9hG4bK-1"], "another branch"),
        (["SIP/2.0 200 OK", "Via: SIP/2.0/UDP h;branch=\(FanOutRequestWriter.branch(1))x"], "a longer branch"),
        (["SIP/2.0 200 OK", "Via: SIP/2.0/UDP h;branch=z9hG4bKp0123"], "a short branch"),
        (["SIP/2.0 200 OK", "Via: SIP/2.0/UDP h;branch=z9hG4bK-1, SIP/2.0/UDP h;branch=\(FanOutRequestWriter.branch(1))"],
         "a fan-out branch in the second Via value"),
        (["SIP/2.0 200 OK", "Via: SIP/2.0/UDP h", " ;branch=\(FanOutRequestWriter.branch(1))"], "a folded Via"),
        (["SIP/2.0 2x0 OK", "Via: SIP/2.0/UDP h;branch=\(FanOutRequestWriter.branch(1))"], "a bad status code"),
        (["SIP/2.0 200 OK", "Via-Extra: SIP/2.0/UDP h;branch=\(FanOutRequestWriter.branch(1))"], "another header"),
    ])
    func everythingElseIsLeftToTheParser(lines: [String], what: String) {
        #expect(FanOutResponseGlance(Self.bytes(lines)) == nil, "\(what)")
    }
}
