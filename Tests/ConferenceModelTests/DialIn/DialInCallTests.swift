import ConferenceModel
import Testing

@Suite("Dial-in room-number entry")
struct DialInCallTests {
    static let tenSeconds: Duration = .seconds(10)

    @Test("digits with barge-in, A–D ignored, read back, then join after the prompts", arguments: ["#", "*"])
    func fullEntryFlow(terminator: String) {
        var harness = DialInHarness()
        #expect(harness.send(.start(.askForRoom(participantID: "h1"))) == [.play([.pinPrompt])])
        #expect(harness.call.state == .enteringPIN(entry: ""))
        // A key while the prompt plays stops it (barge-in) and starts the inter-digit timer.
        #expect(harness.send(.digit("1")) == [.flushPrompts, .startTimer(.interDigit, after: Self.tenSeconds)])
        #expect(harness.send(.digit("A")) == [])
        #expect(harness.send(.digit("d")) == [])
        #expect(harness.press("20") == [
            .flushPrompts, .startTimer(.interDigit, after: Self.tenSeconds),
            .flushPrompts, .startTimer(.interDigit, after: Self.tenSeconds),
        ])
        #expect(harness.call.state == .enteringPIN(entry: "120"))
        #expect(harness.press(terminator) == [
            .cancelTimer(.interDigit),
            .flushPrompts,
            .play([.digit(1), .digit(2), .digit(0), .enteringConference]),
        ])
        #expect(harness.call.state == .enteringConference(room: "120", participantID: "h1"))
        #expect(harness.clock.running.isEmpty)
        // Keys are ignored from here on.
        #expect(harness.press("9#") == [])
        #expect(harness.send(.promptsFinished) == [.join(room: "120", participantID: "h1", reason: "entered")])
        #expect(harness.call.state == .joining(room: "120", participantID: "h1"))
        #expect(harness.send(.joinResult(succeeded: true)) == [])
        #expect(harness.call.state == .inConference(room: "120", participantID: "h1"))
        #expect(harness.call.wrongEntries == 0)
    }

    @Test("the inter-digit timer starts when the prompt has played out")
    func timerStartsAfterPrompt() {
        var harness = DialInHarness()
        _ = harness.send(.start(.askForRoom(participantID: "")))
        #expect(harness.clock.running.isEmpty)
        #expect(harness.send(.promptsFinished) == [.startTimer(.interDigit, after: Self.tenSeconds)])
    }

    @Test("an empty entry plays wrong_pin and entry starts over")
    func emptyEntry() {
        var harness = DialInHarness()
        _ = harness.send(.start(.askForRoom(participantID: "")))
        #expect(harness.press("#") == [.flushPrompts, .play([.wrongPIN])])
        #expect(harness.call.state == .enteringPIN(entry: ""))
        #expect(harness.call.wrongEntries == 1)
        _ = harness.press("7*")
        #expect(harness.call.state == .enteringConference(room: "7", participantID: ""))
    }

    @Test("room_pin_split: too short is wrong; the PIN overrides the header id; the whole entry is read back")
    func split() {
        var harness = DialInHarness(settings: DialInSettings(roomPINSplit: RoomPINSplit(roomLength: 3)))
        _ = harness.send(.start(.askForRoom(participantID: "from-header")))
        #expect(harness.press("123#").suffix(2) == [.flushPrompts, .play([.wrongPIN])])
        #expect(harness.call.wrongEntries == 1)
        #expect(harness.press("12345#").suffix(2) == [
            .flushPrompts,
            .play([.digit(1), .digit(2), .digit(3), .digit(4), .digit(5), .enteringConference]),
        ])
        #expect(harness.send(.promptsFinished) == [.join(room: "123", participantID: "45", reason: "entered")])
    }

    @Test("private mode: an invalid room plays wrong_pin and entry starts over; a valid one is read back")
    func privateRooms() {
        var harness = DialInHarness(settings: DialInSettings(privateRooms: true))
        _ = harness.send(.start(.askForRoom(participantID: "p1")))
        _ = harness.press("99")
        #expect(harness.press("#") == [.cancelTimer(.interDigit), .validate(room: "99", participantID: "")])
        #expect(harness.call.state == .validatingEntry(entry: "99", room: "99", participantID: "p1"))
        #expect(harness.press("5") == [])
        #expect(harness.send(.roomValidated(isValid: false)) == [.flushPrompts, .play([.wrongPIN])])
        #expect(harness.call.state == .enteringPIN(entry: ""))
        #expect(harness.call.wrongEntries == 1)
        _ = harness.press("42#")
        #expect(harness.send(.roomValidated(isValid: true)) == [.flushPrompts, .play([.digit(4), .digit(2), .enteringConference])])
        #expect(harness.send(.promptsFinished) == [.join(room: "42", participantID: "p1", reason: "entered")])
    }

    @Test("private mode with room_pin_split validates the invited participant id")
    func privateRoomsWithSplit() {
        var harness = DialInHarness(settings: DialInSettings(roomPINSplit: RoomPINSplit(roomLength: 2), privateRooms: true))
        _ = harness.send(.start(.askForRoom(participantID: "")))
        #expect(harness.press("4277#").last == .validate(room: "42", participantID: "77"))
    }

    @Test("a refused join plays wrong_pin_bye, then hangs up")
    func joinFailure() {
        var harness = DialInHarness()
        _ = harness.send(.start(.askForRoom(participantID: "")))
        _ = harness.press("5#")
        _ = harness.send(.promptsFinished)
        #expect(harness.send(.joinResult(succeeded: false)) == [.play([.wrongPINBye])])
        #expect(harness.call.state == .playErrorFinish(.joinRejected))
        #expect(harness.press("1#") == [])
        #expect(harness.send(.promptsFinished) == [.hangUp(.joinRejected)])
        #expect(harness.call.state == .ended)
    }

    @Test("a full room plays room_full, then hangs up")
    func roomFull() {
        var harness = DialInHarness()
        _ = harness.send(.start(.direct(room: "4711", participantID: "")))
        #expect(harness.send(.roomFull) == [.play([.roomFull])])
        #expect(harness.call.state == .playErrorFinish(.roomFull))
        #expect(harness.send(.promptsFinished) == [.hangUp(.roomFull)])
    }

    @Test("direct access joins at once, without read-back; a refused join says goodbye")
    func directAccess() {
        var harness = DialInHarness()
        #expect(harness.send(.start(.direct(room: "4711", participantID: "p")))
            == [.join(room: "4711", participantID: "p", reason: "direct access: entered")])
        #expect(harness.send(.joinResult(succeeded: true)) == [])
        #expect(harness.call.state == .inConference(room: "4711", participantID: "p"))

        var refused = DialInHarness()
        _ = refused.send(.start(.direct(room: "4711", participantID: "")))
        #expect(refused.send(.joinResult(succeeded: false)) == [.play([.wrongPINBye])])
        #expect(refused.send(.promptsFinished) == [.hangUp(.joinRejected)])
    }

    @Test("B5 fixed: direct access too short for the split plays wrong_pin_bye and hangs up")
    func directTooShort() {
        var harness = DialInHarness()
        #expect(harness.send(.start(.tooShortForSplit(participantID: ""))) == [.play([.wrongPINBye])])
        #expect(harness.press("123#") == [])
        #expect(harness.send(.promptsFinished) == [.hangUp(.directRoomTooShort)])
        #expect(harness.call.state == .ended)
    }

    @Test("a pause longer than the inter-digit timeout counts as a wrong entry")
    func interDigitTimeout() {
        var harness = DialInHarness()
        _ = harness.send(.start(.askForRoom(participantID: "")))
        _ = harness.send(.promptsFinished)
        #expect(harness.advance(by: .seconds(4)) == [])
        _ = harness.press("1")
        #expect(harness.advance(by: .milliseconds(9_999)) == [])
        #expect(harness.advance(by: .milliseconds(1)) == [.flushPrompts, .play([.wrongPIN])])
        #expect(harness.clock.now == .milliseconds(14_000))
        #expect(harness.call.state == .enteringPIN(entry: ""))
        #expect(harness.call.wrongEntries == 1)
        // The timer runs again once wrong_pin has played.
        #expect(harness.clock.running.isEmpty)
        #expect(harness.send(.promptsFinished) == [.startTimer(.interDigit, after: Self.tenSeconds)])
    }

    @Test("the third wrong entry says goodbye and hangs up")
    func retryLimit() {
        var harness = DialInHarness()
        _ = harness.send(.start(.askForRoom(participantID: "")))
        #expect(harness.press("#") == [.flushPrompts, .play([.wrongPIN])])
        _ = harness.send(.promptsFinished)
        #expect(harness.advance(by: Self.tenSeconds) == [.flushPrompts, .play([.wrongPIN])])
        _ = harness.send(.promptsFinished)
        #expect(harness.press("#") == [.cancelTimer(.interDigit), .flushPrompts, .play([.wrongPINBye])])
        #expect(harness.call.state == .playErrorFinish(.tooManyWrongEntries))
        #expect(harness.call.wrongEntries == 3)
        #expect(harness.send(.promptsFinished) == [.hangUp(.tooManyWrongEntries)])
        #expect(harness.clock.running.isEmpty)
    }

    @Test("with both limits off the caller may retry forever, as in SEMS")
    func limitsOff() {
        var harness = DialInHarness(settings: DialInSettings(interDigitTimeout: nil, maximumWrongEntries: nil))
        _ = harness.send(.start(.askForRoom(participantID: "")))
        for _ in 1...10 {
            #expect(harness.press("#") == [.flushPrompts, .play([.wrongPIN])])
            #expect(harness.send(.promptsFinished) == [])
        }
        #expect(harness.press("1") == [.flushPrompts])
        #expect(harness.advance(by: .seconds(3_600)) == [])
        #expect(harness.call.state == .enteringPIN(entry: "1"))
    }

    @Test("the call ending stops the timer, and a late expiry is ignored")
    func callEnded() {
        var harness = DialInHarness()
        _ = harness.send(.start(.askForRoom(participantID: "")))
        _ = harness.press("1")
        #expect(harness.send(.callEnded) == [.cancelTimer(.interDigit)])
        #expect(harness.call.state == .ended)
        #expect(harness.send(.timerFired(.interDigit)) == [])
        #expect(harness.send(.digit("2")) == [])
    }

    @Test("settings are read from webconference.conf, with Parley's limits")
    func settingsFromConfiguration() throws {
        let file = try SEMSConfigFile(text: """
            room_pin_split=4
            private_rooms=yes
            pin_inter_digit_timeout=15
            pin_max_wrong_entries=0
            """, origin: "webconference.conf")
        let settings = try DialInSettings(configuration: file)
        #expect(settings == DialInSettings(roomPINSplit: RoomPINSplit(roomLength: 4), privateRooms: true, interDigitTimeout: .seconds(15), maximumWrongEntries: nil))
        let defaults = try DialInSettings(configuration: SEMSConfigFile(text: "private_rooms=1\npin_inter_digit_timeout=x\n", origin: "f"))
        #expect(defaults == DialInSettings())
        #expect(defaults.interDigitTimeout == .seconds(10))
        #expect(defaults.maximumWrongEntries == 3)
        #expect(!defaults.privateRooms)
    }
}
