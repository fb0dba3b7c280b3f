import ConferenceModel
import Testing

@Suite("Participant status and reason, as SEMS reports them")
struct CallLegStatusUpdateTests {
    struct Case: Sendable, CustomStringConvertible {
        let event: CallLegEvent
        let status: Int
        let reason: String
        var description: String { "\(event)" }
    }

    static let cases: [Case] = [
        Case(event: .inviteSent, status: 1, reason: "INVITE"),
        Case(event: .provisionalResponse(code: 100, phrase: "Trying"), status: 1, reason: "100 Trying"),
        Case(event: .provisionalResponse(code: 181, phrase: "Call Is Being Forwarded"), status: 1, reason: "181 Call Is Being Forwarded"),
        Case(event: .provisionalResponse(code: 180, phrase: "Ringing"), status: 2, reason: "180 Ringing"),
        Case(event: .provisionalResponse(code: 183, phrase: "Session Progress"), status: 2, reason: "183 Session Progress"),
        Case(event: .finalResponse(code: 200, phrase: "OK"), status: 3, reason: "200 OK"),
        Case(event: .finalResponse(code: 486, phrase: "Busy Here"), status: 5, reason: "486 Busy Here"),
        Case(event: .finalResponse(code: 487, phrase: "Request Terminated"), status: 5, reason: "487 Request Terminated"),
        Case(event: .finalResponse(code: 606, phrase: "Declined"), status: 5, reason: "606 Declined"),
        Case(event: .inDialogResponse(code: 200, phrase: "OK", dialogState: .connected), status: 3, reason: "200 OK"),
        Case(event: .inDialogResponse(code: 200, phrase: "OK", dialogState: .disconnected), status: 5, reason: "200 OK"),
        Case(event: .inDialogResponse(code: 408, phrase: "Request Timeout", dialogState: .disconnecting), status: 4, reason: "408 Request Timeout"),
        Case(event: .inDialogResponse(code: 180, phrase: "Ringing", dialogState: .cancelling), status: 4, reason: "180 Ringing"),
        Case(event: .entered, status: 3, reason: "entered"),
        Case(event: .enteredDirectly, status: 3, reason: "direct access: entered"),
        Case(event: .byeReceived, status: 4, reason: "BYE"),
        Case(event: .kicked, status: 4, reason: "disconnect"),
        Case(event: .ended, status: 5, reason: ""),
    ]

    @Test("events map to SEMS's status numbers and reason strings", arguments: cases)
    func mapping(_ testCase: Case) {
        let update = CallLegStatusUpdate(testCase.event)
        #expect(update.status.rawValue == testCase.status)
        #expect(update.reason == testCase.reason)
    }

    @Test("status numbers are SEMS's 0…5")
    func statusNumbers() {
        #expect(VoiceParticipant.Status.allCases.map(\.rawValue) == Array(0...5))
        #expect(VoiceParticipant.Status(rawValue: 2) == .ringing)
        #expect(VoiceParticipant.Status(rawValue: 6) == nil)
    }

    @Test("the dial-in join reasons are the ones the IVR sends")
    func joinReasons() {
        #expect(CallLegStatusUpdate(.entered).reason == DialInCall.enteredReason)
        #expect(CallLegStatusUpdate(.enteredDirectly).reason == DialInCall.directAccessReason)
        #expect(ParticipantPrompter.lonelyKickReason == CallLegStatusUpdate.kicked.reason)
    }
}
