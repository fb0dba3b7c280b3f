import SIPCore
import Testing

@Suite("SDP parse errors name the line at fault")
struct SDPParseErrorTests {
    /// A valid baresip-like description whose line `number` (1-based) is replaced by `line`.
    static func replacing(line number: Int, with line: String) -> String {
        var lines = [
            "v=0",                                   // 1
            "o=- 1893493484 3489503453 IN IP4 192.168.1.31", // 2
            "s=-",                                   // 3
            "c=IN IP4 192.168.1.31",                 // 4
            "t=0 0",                                 // 5
            "m=audio 10374 RTP/AVP 96 0 101",        // 6
            "b=AS:96",                               // 7
            "a=rtpmap:96 opus/48000/2",              // 8
            "a=fmtp:96 stereo=1",                    // 9
            "a=rtpmap:101 telephone-event/8000",     // 10
            "a=sendrecv",                            // 11
        ]
        lines[number - 1] = line
        return RealPhoneSDP.crlf(lines)
    }

    static let cases: [(line: Int, text: String, code: SDPParseError.Code)] = [
        (1, "v=1", .unsupportedVersion),
        (1, "o=- 1 1 IN IP4 10.0.0.1", .missingLine),
        (1, "v = 0", .malformedLine),
        (2, "o=- 1893493484 IN IP4 192.168.1.31", .invalidOrigin),
        (2, "o=- abc 3489503453 IN IP4 192.168.1.31", .invalidOrigin),
        (2, "s=-", .missingLine),
        (3, "i=no name", .missingLine),
        (4, "c=IN IP4", .invalidConnection),
        (4, "x=unknown", .unknownType),
        (4, "r=7d 1h 0 25h", .unexpectedLine),
        (4, "b=AS:lots", .invalidBandwidth),
        (4, "o=- 1 1 IN IP4 10.0.0.1", .unexpectedLine),
        (4, "this is not sdp", .malformedLine),
        (5, "t=0", .invalidTiming),
        (6, "m=audio 70000 RTP/AVP 0", .invalidMedia),
        (6, "m=audio 10374 RTP/AVP", .invalidMedia),
        (6, "m=audio 10374/0 RTP/AVP 0", .invalidMedia),
        (7, "s=inside media", .unexpectedLine),
        (7, "t=0 0", .unexpectedLine),
        (8, "a=rtpmap:96 opus", .invalidAttribute),
        (8, "a=rtpmap:200 opus/48000/2", .invalidAttribute),
        (8, "a=rtpmap:96 opus/fast/2", .invalidAttribute),
        (9, "a=fmtp:96", .invalidAttribute),
        (10, "a=", .malformedLine),
        (10, "a=:value", .malformedLine),
        (11, "E=upper-case type", .malformedLine),
    ]

    @Test(arguments: cases)
    func reportsLineAndCode(testCase: (line: Int, text: String, code: SDPParseError.Code)) throws {
        let text = Self.replacing(line: testCase.line, with: testCase.text)
        let error = try #require(throws: SDPParseError.self) { try SessionDescription(parsing: text) }
        #expect(error.code == testCase.code)
        #expect(error.line == testCase.line)
        #expect(error.text == testCase.text)
    }

    @Test func mediaBeforeAnyTimingIsReportedAtTheMediaLine() throws {
        let text = Self.replacing(line: 5, with: "a=tool:phone")
        let error = try #require(throws: SDPParseError.self) { try SessionDescription(parsing: text) }
        #expect(error.code == .missingLine)
        #expect(error.line == 6)
        #expect(error.reason == "t= must precede the first m=")
    }

    @Test func unmodifiedTemplateParses() throws {
        let description = try SessionDescription(parsing: Self.replacing(line: 11, with: "a=sendrecv"))
        #expect(description.media[0].formats == ["96", "0", "101"])
    }

    @Test func lineNumbersCountBlankLinesAndLFOnlyEnds() throws {
        let text = "v=0\n\no=- 1 1 IN IP4 10.0.0.1\ns=-\nt=0 0\nm=audio x RTP/AVP 0\n"
        let error = try #require(throws: SDPParseError.self) { try SessionDescription(parsing: text) }
        #expect(error.code == .invalidMedia)
        #expect(error.line == 6)
        #expect(error.text == "m=audio x RTP/AVP 0")
        #expect(error.description == "SDP line 6: invalid port: \"m=audio x RTP/AVP 0\"")
    }

    @Test func duplicateConnectionInAStreamIsRejected() throws {
        let text = RealPhoneSDP.crlf([
            "v=0", "o=- 1 1 IN IP4 10.0.0.1", "s=-", "t=0 0",
            "m=audio 4000 RTP/AVP 0", "c=IN IP4 10.0.0.1", "c=IN IP4 10.0.0.2",
        ])
        let error = try #require(throws: SDPParseError.self) { try SessionDescription(parsing: text) }
        #expect(error.code == .duplicateLine)
        #expect(error.line == 7)
    }

    @Test func usedStreamWithoutConnectionPointsAtItsMediaLine() throws {
        let text = RealPhoneSDP.crlf([
            "v=0", "o=- 1 1 IN IP4 10.0.0.1", "s=-", "t=0 0",
            "m=audio 4000 RTP/AVP 0", "c=IN IP4 10.0.0.1",
            "m=audio 4002 RTP/AVP 8", "a=sendrecv",
        ])
        let error = try #require(throws: SDPParseError.self) { try SessionDescription(parsing: text) }
        #expect(error.code == .missingLine)
        #expect(error.line == 7)
        #expect(error.text == "m=audio 4002 RTP/AVP 8")
    }

    @Test func missingMandatoryLinesAtTheEnd() throws {
        let empty = try #require(throws: SDPParseError.self) { try SessionDescription(parsing: "\r\n") }
        #expect(empty.code == .empty)

        let noTiming = try #require(throws: SDPParseError.self) {
            try SessionDescription(parsing: "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\ns=-\r\nc=IN IP4 10.0.0.1\r\n")
        }
        #expect(noTiming.code == .missingLine)
        #expect(noTiming.reason == "t= is missing")

        let noName = try #require(throws: SDPParseError.self) {
            try SessionDescription(parsing: "v=0\r\no=- 1 1 IN IP4 10.0.0.1\r\n")
        }
        #expect(noName.code == .missingLine)
        #expect(noName.reason == "s= is missing")
    }
}
