import ConferenceModel
import Testing

@Suite("Room selection for an incoming INVITE")
struct RoomSelectionTests {
    struct Case: Sendable, CustomStringConvertible {
        let user: String
        let appParameters: String?
        let header: String?
        let expected: RoomSelection
        var description: String { "\(user) \(appParameters ?? "-") \(header ?? "-")" }
    }

    /// `direct_room_re=000777.*`, `direct_room_strip=6`, as in the sample `webconference.conf`.
    static let sampleCases: [Case] = [
        Case(user: "000777123", appParameters: nil, header: nil, expected: .direct(room: "123", participantID: "")),
        // Unanchored: the pattern may match anywhere in the user, and the strip still counts from the start.
        Case(user: "123000777", appParameters: nil, header: nil, expected: .direct(room: "777", participantID: "")),
        Case(user: "4711", appParameters: nil, header: nil, expected: .askForRoom(participantID: "")),
        // The strip applies only to a user longer than it.
        Case(user: "000777", appParameters: nil, header: nil, expected: .direct(room: "000777", participantID: "")),
        Case(user: "0007771", appParameters: nil, header: nil, expected: .direct(room: "1", participantID: "")),
        // P-App-Param room= wins over the pattern; enter_room=true wins over both.
        Case(user: "4711", appParameters: "room=abc", header: nil, expected: .direct(room: "abc", participantID: "")),
        Case(user: "000777123", appParameters: "room=abc", header: nil, expected: .direct(room: "abc", participantID: "")),
        Case(user: "000777123", appParameters: "enter_room=true;room=abc", header: nil, expected: .askForRoom(participantID: "")),
        Case(user: "000777123", appParameters: "room=abc; enter_room=true", header: nil, expected: .askForRoom(participantID: "")),
        Case(user: "4711", appParameters: "enter_room=false;room=abc", header: nil, expected: .direct(room: "abc", participantID: "")),
        Case(user: "4711", appParameters: "enter_room=yes", header: nil, expected: .askForRoom(participantID: "")),
        // An empty room name asks for the room (SEMS `onSessionStart` tests `conf_id.empty()`).
        Case(user: "000777123", appParameters: "room=", header: nil, expected: .askForRoom(participantID: "")),
        // Without participant_id_param the id comes from X-ParticipantID.
        Case(user: "000777123", appParameters: "pid=p7", header: "h1", expected: .direct(room: "123", participantID: "h1")),
        Case(user: "4711", appParameters: nil, header: "h1", expected: .askForRoom(participantID: "h1")),
    ]

    @Test("direct_room_re, direct_room_strip and P-App-Param precedence", arguments: sampleCases)
    func sampleSettings(_ testCase: Case) throws {
        let settings = try RoomSelectionSettings(directRoomRegex: "000777.*", directRoomStrip: 6)
        #expect(settings.select(requestUser: testCase.user, appParameters: testCase.appParameters, participantIDHeaderValue: testCase.header) == testCase.expected)
    }

    @Test("participant_id_param takes the id from P-App-Param and ignores the header")
    func participantIDFromParameter() throws {
        let settings = try RoomSelectionSettings(participantIDParameter: "pid")
        #expect(settings.select(requestUser: "x", appParameters: "room=abc;pid=p7", participantIDHeaderValue: "h1")
            == .direct(room: "abc", participantID: "p7"))
        #expect(settings.select(requestUser: "x", appParameters: "room=abc", participantIDHeaderValue: "h1")
            == .direct(room: "abc", participantID: ""))
        #expect(settings.select(requestUser: "x", appParameters: nil, participantIDHeaderValue: "h1")
            == .askForRoom(participantID: ""))
    }

    @Test("room_pin_split splits a direct room into room and participant id, overriding the header")
    func splitDirectRoom() throws {
        let settings = try RoomSelectionSettings(directRoomRegex: "^000777", directRoomStrip: 6, roomPINSplit: RoomPINSplit(roomLength: 4))
        #expect(settings.select(requestUser: "0007771234567", appParameters: nil, participantIDHeaderValue: "h1")
            == .direct(room: "1234", participantID: "567"))
        #expect(settings.select(requestUser: "x", appParameters: "room=98761", participantIDHeaderValue: nil)
            == .direct(room: "9876", participantID: "1"))
        // Not longer than the room part: SEMS bug B5's case.
        #expect(settings.select(requestUser: "0007771234", appParameters: nil, participantIDHeaderValue: "h1")
            == .tooShortForSplit(participantID: "h1"))
        #expect(settings.select(requestUser: "x", appParameters: "room=12", participantIDHeaderValue: nil)
            == .tooShortForSplit(participantID: ""))
    }

    @Test("the pattern is a POSIX extended regular expression")
    func posixExtendedSyntax() throws {
        let pattern = try DirectRoomPattern("^[[:digit:]]{3}(#|$)")
        #expect(pattern.matches("123"))
        #expect(pattern.matches("123#"))
        #expect(!pattern.matches("1234"))
        #expect(!pattern.matches("12a"))
        #expect(try DirectRoomPattern("a|b").matches("xxbxx"))
    }

    @Test("a pattern that does not compile is an error at settings creation")
    func badPattern() {
        let error = #expect(throws: DialInConfigurationError.self) {
            try RoomSelectionSettings(directRoomRegex: "(000777")
        }
        #expect(error?.code == .invalidDirectRoomPattern)
        #expect(error?.key == "direct_room_re")
        #expect(error?.detail.isEmpty == false)
    }

    @Test("P-App-Param is read as ;-separated key=value pairs")
    func appParameters() {
        let parameters = AppParameters(header: #" room = "abc" ; enter_room=true;flag;;room=second"#)
        #expect(parameters["room"] == "abc")
        #expect(parameters["enter_room"] == "true")
        #expect(parameters["flag"] == "")
        #expect(parameters["Room"] == nil)
        #expect(parameters.pairs.count == 4)
        #expect(AppParameters(header: nil).pairs.isEmpty)
    }

    @Test("settings are read from webconference.conf as SEMS reads them")
    func fromConfiguration() throws {
        let file = try SEMSConfigFile(text: """
            direct_room_re="000777.*"
            direct_room_strip=6
            room_pin_split=3
            participant_id_header=X-PID
            """, origin: "webconference.conf")
        let settings = try RoomSelectionSettings(configuration: file)
        #expect(settings.directRoomPattern?.pattern == "000777.*")
        #expect(settings.directRoomStrip == 6)
        #expect(settings.roomPINSplit == RoomPINSplit(roomLength: 3))
        #expect(settings.participantIDHeader == "X-PID")
        #expect(settings.participantIDParameter == nil)
        #expect(settings.select(requestUser: "00077712345", appParameters: nil, participantIDHeaderValue: nil)
            == .direct(room: "123", participantID: "45"))

        let defaults = try RoomSelectionSettings(configuration: SEMSConfigFile(text: "direct_room_strip=abc\n", origin: "f"))
        #expect(defaults.directRoomPattern == nil)
        #expect(defaults.participantIDHeader == "X-ParticipantID")

        let badStrip = try SEMSConfigFile(text: "direct_room_re=x\ndirect_room_strip=abc\n", origin: "f")
        #expect(throws: DialInConfigurationError(.invalidNumber, key: "direct_room_strip", value: "abc", detail: "expected a whole number ≥ 0")) {
            try RoomSelectionSettings(configuration: badStrip)
        }
    }
}
