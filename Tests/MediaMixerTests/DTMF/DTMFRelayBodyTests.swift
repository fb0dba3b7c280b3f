import MediaMixer
import Testing

@Suite("SIP INFO application/dtmf-relay bodies")
struct DTMFRelayBodyTests {
    @Test("The usual body, with CRLF")
    func usualBody() throws {
        let body = try #require(DTMFRelayBody("Signal=5\r\nDuration=160\r\n"))
        #expect(body.digit == .five)
        #expect(body.durationMilliseconds == 160)
        #expect(body.event == DTMFEvent(digit: .five, duration: .milliseconds(160), source: .sipInfo))
        #expect(body.text == "Signal=5\r\nDuration=160\r\n")
        #expect(DTMFRelayBody(body.text) == body)
    }

    @Test("Every key, any case, any spacing, any line ending", arguments: Array("0123456789*#ABCDabcd"))
    func everyKey(character: Character) throws {
        let body = try #require(DTMFRelayBody("  signal = \(character) \nDURATION= 250"))
        #expect(body.digit.character == Character(character.uppercased()))
        #expect(body.durationMilliseconds == 250)
    }

    @Test("Numeric event codes for star and pound")
    func numericCodes() {
        #expect(DTMFRelayBody("Signal=10\nDuration=100")?.digit == .star)
        #expect(DTMFRelayBody("Signal=11\nDuration=100")?.digit == .pound)
    }

    @Test("Bodies without a usable key are rejected; a missing duration is not")
    func rejects() {
        #expect(DTMFRelayBody("Duration=160") == nil)
        #expect(DTMFRelayBody("Signal=X\r\nDuration=160") == nil)
        #expect(DTMFRelayBody("Signal=16") == nil)
        #expect(DTMFRelayBody("") == nil)
        #expect(DTMFRelayBody("Signal=#")?.durationMilliseconds == nil)
        #expect(DTMFRelayBody("Signal=#")?.event.duration == .zero)
    }
}
