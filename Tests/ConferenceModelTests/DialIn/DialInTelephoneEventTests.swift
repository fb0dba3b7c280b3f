import ConferenceModel
import Testing

@Suite("RFC 4733 telephone events as dial-in keys")
struct DialInTelephoneEventTests {
    @Test("event codes 0–15 are the sixteen keys; others are not keys")
    func codes() {
        let keys = (0...15).map { DialInInput.telephoneEvent($0) }
        #expect(keys == "0123456789*#ABCD".map { DialInInput.digit($0) })
        #expect(DialInInput.telephoneEvent(16) == nil)
        #expect(DialInInput.telephoneEvent(-1) == nil)
    }

    @Test("events drive entry like keys: 4, 2, # enters room 42")
    func entryByEvents() {
        var harness = DialInHarness()
        _ = harness.send(.start(.askForRoom(participantID: "")))
        for code in [4, 12, 2, 11] {
            if let input = DialInInput.telephoneEvent(code) { _ = harness.send(input) }
        }
        #expect(harness.call.state == .enteringConference(room: "42", participantID: ""))
    }
}
