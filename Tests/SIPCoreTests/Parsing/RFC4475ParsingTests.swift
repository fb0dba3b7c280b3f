import SIPCore
import SIPTesting
import Testing

/// What the parser alone must make of each RFC 4475 message; the UAS-level answers (416, 420, 415,
/// 501 …) are checked by `UASRequestScreenTests` and, over the network, by the black-box suite.
@Suite struct RFC4475ParsingTests {
    enum Outcome: Equatable {
        case parsed, badRequest, versionNotSupported, dropped
    }

    static let expectedOutcomes: [String: Outcome] = [
        "wsinv": .parsed, "intmeth": .parsed, "esc01": .parsed, "escnull": .parsed, "esc02": .parsed,
        "lwsdisp": .parsed, "longreq": .parsed, "dblreq": .parsed, "semiuri": .parsed, "transports": .parsed,
        "mpart01": .parsed, "unreason": .parsed, "noreason": .parsed,
        "badinv01": .badRequest, "clerr": .badRequest, "ncl": .badRequest, "scalar02": .badRequest,
        "scalarlg": .dropped, "quotbal": .badRequest, "ltgtruri": .badRequest, "lwsruri": .badRequest,
        "lwsstart": .badRequest, "trws": .badRequest, "escruri": .badRequest, "baddate": .parsed,
        "regbadct": .badRequest, "badaspec": .badRequest, "baddn": .badRequest, "badvers": .versionNotSupported,
        "mismatch01": .badRequest, "mismatch02": .badRequest, "bigcode": .dropped, "badbranch": .parsed,
        "insuf": .badRequest, "unkscm": .parsed, "novelsc": .parsed, "unksm2": .parsed, "bext01": .parsed,
        "invut": .parsed, "regaut01": .parsed, "multi01": .badRequest, "mcl01": .badRequest, "bcast": .parsed,
        "zeromf": .parsed, "cparam01": .parsed, "cparam02": .parsed, "regescrt": .parsed, "sdp01": .parsed,
        "inv2543": .parsed,
    ]

    static let fixtures = try! RFC4475Fixtures()

    @Test func everyManifestRowHasAnExpectation() {
        #expect(Self.fixtures.entries.count == 49)
        #expect(Set(Self.fixtures.entries.map(\.tag)) == Set(Self.expectedOutcomes.keys))
    }

    @Test(arguments: fixtures.entries.map(\.tag))
    func parserOutcome(tag: String) throws {
        let entry = try #require(Self.fixtures[tag])
        let outcome: Outcome
        do {
            _ = try SIPMessage(parsing: entry.bytes)
            outcome = .parsed
        } catch {
            switch error.code {
            case .badRequest: outcome = .badRequest
            case .versionNotSupported: outcome = .versionNotSupported
            case .unparseable, .incomplete: outcome = .dropped
            }
        }
        #expect(outcome == Self.expectedOutcomes[tag], "\(tag): \(entry.uasAction)")
    }

    @Test func escapedNULsKeepContactsDistinct() throws {
        let message = try SIPMessage(parsing: #require(Self.fixtures["escnull"]).bytes)
        #expect(message.contacts.map(\.uri.user) == ["%00", "%00%00"])
        #expect(message.to.uri.user == "null-%00-null")
    }

    @Test func percentIsNoEscapeInMethodsOrHeaderNames() throws {
        let message = try SIPMessage(parsing: #require(Self.fixtures["esc02"]).bytes)
        #expect(message.method.rawValue == "RE%47IST%45R")
        #expect(message.contacts.count == 2)
    }

    @Test func escapedParametersAreDecodedOnce() throws {
        let message = try SIPMessage(parsing: #require(Self.fixtures["esc01"]).bytes)
        let uri = try #require(message.requestURI)
        #expect(uri.user == "sips%3Auser%40example.com")
        #expect(uri.parameters.isEmpty)
    }

    @Test func userPartWithSemicolonSplitsAtTheRealAt() throws {
        let message = try SIPMessage(parsing: #require(Self.fixtures["semiuri"]).bytes)
        let uri = try #require(message.requestURI)
        #expect(uri.user == "user;par=u%40example.net")
        #expect(uri.host == "example.com")
    }

    @Test func contactParameterPlacementFollowsAngleBrackets() throws {
        let bare = try SIPMessage(parsing: #require(Self.fixtures["cparam01"]).bytes)
        #expect(bare.contacts.first?.parameters.contains(named: "unknownparam") == true)
        #expect(bare.contacts.first?.uri.parameters.contains(named: "unknownparam") == false)
        let bracketed = try SIPMessage(parsing: #require(Self.fixtures["cparam02"]).bytes)
        #expect(bracketed.contacts.first?.uri.parameters.contains(named: "unknownparam") == true)
    }

    @Test func escapedRouteStaysInsideTheContactURI() throws {
        let message = try SIPMessage(parsing: #require(Self.fixtures["regescrt"]).bytes)
        let contact = try #require(message.contacts.first)
        #expect(contact.uri.headers == [SIPParameter(name: "Route", value: "<sip:sip.example.com>")])
        #expect(contact.description.contains("?Route=%3Csip:sip.example.com%3E"))
    }

    @Test func bodiesAreFramedByContentLength() throws {
        let doubled = try SIPMessage(parsing: #require(Self.fixtures["dblreq"]).bytes)
        #expect(doubled.method == .register && doubled.body.isEmpty)
        let multipart = try SIPMessage(parsing: #require(Self.fixtures["mpart01"]).bytes)
        #expect(multipart.body.count == Int(multipart.headers[.contentLength] ?? "") )
        #expect(multipart.body.contains(0))
        let old = try SIPMessage(parsing: #require(Self.fixtures["inv2543"]).bytes)
        #expect(old.headers[.contentLength] == nil && String(decoding: old.body, as: UTF8.self).hasPrefix("v=0"))
    }

    @Test func oddButLegalSyntaxParses() throws {
        let message = try SIPMessage(parsing: #require(Self.fixtures["wsinv"]).bytes)
        #expect(message.method == .invite)
        #expect(message.cseq.sequenceNumber == 9)
        #expect(message.to.uri.user == "vivekg" && message.to.tag == "1918181833n")
        #expect(message.from.displayName == "J Rosenberg \\\"")
        #expect(message.topVia?.host == "192.0.2.2" && message.topVia?.branch == "390skdjuw")
        let weird = try SIPMessage(parsing: #require(Self.fixtures["intmeth"]).bytes)
        #expect(weird.to.displayName == "BEL:\u{07} NUL:\u{00} DEL:\u{7F}")
        #expect(weird.cseq.method == weird.method)
    }

    @Test func serialisingAndParsingAgainKeepsTheMessage() throws {
        for entry in Self.fixtures.entries where Self.expectedOutcomes[entry.tag] == .parsed {
            let message = try SIPMessage(parsing: entry.bytes)
            let again = try SIPMessage(parsing: message.serialized())
            #expect(again.startLine == message.startLine, "\(entry.tag)")
            #expect(again.headers == message.headers, "\(entry.tag)")
            #expect(again.body == message.body, "\(entry.tag)")
            #expect(again.callID == message.callID && again.cseq == message.cseq, "\(entry.tag)")
        }
    }
}
