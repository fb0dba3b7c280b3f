@testable import ControlAPI
import Testing

/// JSON text in and out, without sockets.
@Suite struct JSONParserTests {
    private func parse(_ text: String) throws -> JSONRPCValue {
        try JSONParser.parse(Array(text.utf8))
    }

    private func syntaxError(_ text: String) -> JSONSyntaxError? {
        do {
            _ = try JSONParser.parse(Array(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test func readsEveryKindOfValue() throws {
        let value = try parse(#" {"n": null, "t": true, "f": false, "i": -12, "d": 2.5e3, "s": "x", "a": [1, []], "o": {}} "#)
        #expect(value == ["n": nil, "t": true, "f": false, "i": -12, "d": 2500.0, "s": "x", "a": [1, []], "o": .object([:])])
    }

    @Test func keepsIntegersApartFromFractions() throws {
        #expect(try parse("1") == .int(1))
        #expect(try parse("1.0") == .double(1))
        #expect(try parse("1e2") == .double(100))
        #expect(try parse("-0") == .int(0))
        // Beyond Int64 a number can only be a Double.
        #expect(try parse("92233720368547758070") == .double(9.2233720368547758070e19))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        #expect(try parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#) == .string("a\"b\\c/d\n\té😀"))
    }

    @Test func keepsObjectKeyOrderAndLastDuplicate() throws {
        guard case .object(let object) = try parse(#"{"z":1,"a":2,"z":3}"#) else {
            Issue.record("not an object")
            return
        }
        #expect(object.keys == ["z", "a"])
        #expect(object["z"] == 3)
    }

    @Test func rejectsMalformedTextWithItsPosition() {
        #expect(syntaxError("") == JSONSyntaxError(reason: "unexpected end of input, expected a value", offset: 0))
        #expect(syntaxError("[1,]") == JSONSyntaxError(reason: "unexpected character ']', expected a value", offset: 3))
        #expect(syntaxError("{\"a\" 1}") == JSONSyntaxError(reason: "expected ':' after object key", offset: 5))
        #expect(syntaxError("01") == JSONSyntaxError(reason: "leading zero in number", offset: 1))
        #expect(syntaxError("1.") == JSONSyntaxError(reason: "expected a digit after '.'", offset: 2))
        #expect(syntaxError("tru") == JSONSyntaxError(reason: "invalid literal, expected 'true'", offset: 3))
        #expect(syntaxError("\"a\nb\"") == JSONSyntaxError(reason: "unescaped control character 0xa in string", offset: 2))
        #expect(syntaxError(#""\ud83d""#) == JSONSyntaxError(reason: "high surrogate without a low surrogate", offset: 7))
        #expect(syntaxError(#""\x""#) == JSONSyntaxError(reason: "invalid escape sequence \\'x'", offset: 3))
        #expect(syntaxError("{} {}") == JSONSyntaxError(reason: "unexpected text after the JSON value", offset: 3))
        #expect(syntaxError("1e999")?.reason == "number out of range")
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
    }

    @Test func limitsNesting() throws {
        let deepest = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        _ = try parse(deepest)
        let tooDeep = "[" + deepest + "]"
        #expect(syntaxError(tooDeep)?.reason == "nesting deeper than 256 levels")
    }

    @Test func writesCompactJSONWithEscapes() {
        let value: JSONRPCValue = ["s": "quote\" back\\ nl\n bell\u{07} é", "d": 0.5, "inf": .double(.infinity), "a": [true, nil]]
        #expect(value.jsonText == #"{"s":"quote\" back\\ nl\n bell\u0007 é","d":0.5,"inf":null,"a":[true,null]}"#)
    }

    @Test func writtenTextParsesBackToTheSameValue() throws {
        let value: JSONRPCValue = ["room": "sip:chat-1@imc.test", "members": ["sip:a@x", "sip:b@x"], "count": 2, "ratio": -1.25, "emoji": "😀\u{1F}"]
        #expect(try parse(value.jsonText) == value)
    }
}
