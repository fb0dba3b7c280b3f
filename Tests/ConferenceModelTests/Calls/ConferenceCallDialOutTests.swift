import ConferenceModel
import Foundation
import Testing

/// A dial-out through ``ConferenceCall``: progress, ringing, early media, answer, failure.
@Suite struct ConferenceCallDialOutTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)

    static func dialOut() -> ConferenceCall {
        .dialOut(
            callTag: "out-1", number: "sip:bob@example.org", room: "4711", dialIn: DialInSettings(),
            prompter: ParticipantPrompterSettings())
    }

    static func at(_ seconds: Double) -> Date { start.addingTimeInterval(seconds) }

    static func row(_ code: Int, _ phrase: String, final: Bool = false) -> ConferenceCallAction {
        .updateRow(
            room: "4711",
            CallLegStatusUpdate(final ? .finalResponse(code: code, phrase: phrase) : .provisionalResponse(code: code, phrase: phrase)))
    }

    @Test func ringsThenAnswersIntoTheMix() {
        var call = Self.dialOut()
        #expect(call.phase == .dialing(room: "4711"))
        #expect(call.receive(.progress(statusCode: 100, reasonPhrase: "Trying", hasEarlyMedia: false), at: Self.at(0)) == [Self.row(100, "Trying")])
        #expect(
            call.receive(.progress(statusCode: 180, reasonPhrase: "Ringing", hasEarlyMedia: false), at: Self.at(1))
                == [Self.row(180, "Ringing"), .startRinging(room: "4711")])
        #expect(call.phase == .ringing(room: "4711"))
        #expect(call.receive(.progress(statusCode: 180, reasonPhrase: "Ringing", hasEarlyMedia: false), at: Self.at(2)) == [Self.row(180, "Ringing")])
        #expect(
            call.receive(.answered(mediaReady: true), at: Self.at(5))
                == [.stopRinging(room: "4711", answered: true), Self.row(200, "OK", final: true), .enterMix(room: "4711")])
        #expect(call.phase == .inRoom(room: "4711"))
        #expect(call.receive(.answered(mediaReady: true), at: Self.at(6)) == [], "answered once")
        #expect(call.receive(.roomChanged(.entered(participantCount: 2)), at: Self.at(5)) == [])
        #expect(
            call.receive(.sessionEnded(.remoteHangUp), at: Self.at(15))
                == [
                    .leaveMix(room: "4711"), .releaseMedia,
                    .finish(room: "4711", rowUpdates: [CallLegStatusUpdate(.byeReceived), CallLegStatusUpdate(.ended)], connectedSeconds: 10),
                ])
    }

    @Test func earlyMediaRingsAndIsHeard() {
        var call = Self.dialOut()
        #expect(
            call.receive(.progress(statusCode: 183, reasonPhrase: "Session Progress", hasEarlyMedia: true), at: Self.at(0))
                == [Self.row(183, "Session Progress"), .startRinging(room: "4711"), .startEarlyMedia(room: "4711")])
    }

    @Test func aBusyCalleeKeepsItsFailureOnTheRow() {
        var call = Self.dialOut()
        _ = call.receive(.progress(statusCode: 180, reasonPhrase: "Ringing", hasEarlyMedia: false), at: Self.at(0))
        #expect(
            call.receive(.sessionEnded(.rejected(statusCode: 486, reasonPhrase: "Busy Here")), at: Self.at(3))
                == [
                    .stopRinging(room: "4711", answered: false), .releaseMedia,
                    .finish(room: "4711", rowUpdates: [CallLegStatusUpdate(.finalResponse(code: 486, phrase: "Busy Here"))], connectedSeconds: nil),
                ])
        #expect(call.isFinished)
    }

    @Test func anAnswerWithUnusableMediaHangsUp() {
        var call = Self.dialOut()
        #expect(call.receive(.answered(mediaReady: false), at: Self.at(1)) == [.hangUp])
        #expect(
            call.receive(.sessionEnded(.localHangUp), at: Self.at(2))
                == [.releaseMedia, .finish(room: "4711", rowUpdates: [CallLegStatusUpdate(.ended)], connectedSeconds: nil)])
    }

    @Test func aKickWhileRingingCancelsAndStopsTheRinging() {
        var call = Self.dialOut()
        _ = call.receive(.progress(statusCode: 180, reasonPhrase: "Ringing", hasEarlyMedia: false), at: Self.at(0))
        #expect(call.receive(.kick, at: Self.at(1)) == [.stopRinging(room: "4711", answered: false), .hangUp])
        #expect(
            call.receive(.sessionEnded(.cancelled), at: Self.at(2))
                == [.releaseMedia, .finish(room: "4711", rowUpdates: [CallLegStatusUpdate(.ended)], connectedSeconds: nil)])
    }

    @Test func keysAndPromptEndsDoNotReachADialOut() {
        var call = Self.dialOut()
        #expect(call.receive(.key("1"), at: Self.at(0)) == [])
        #expect(call.receive(.promptsFinished, at: Self.at(0)) == [])
        #expect(call.receive(.mediaReady, at: Self.at(0)) == [])
    }

    /// Credentials the callee's proxy refuses a second time (RFC 3261 §22.2) end the dial-out with
    /// that answer on its row.
    @Test func aRefusedDigestChallengeEndsTheDialOutWithItsAnswer() {
        var call = Self.dialOut()
        #expect(
            call.receive(.sessionEnded(.rejected(statusCode: 401, reasonPhrase: "Unauthorized")), at: Self.at(1))
                == [.releaseMedia, .finish(room: "4711", rowUpdates: [CallLegStatusUpdate(.finalResponse(code: 401, phrase: "Unauthorized"))], connectedSeconds: nil)])
    }
}
