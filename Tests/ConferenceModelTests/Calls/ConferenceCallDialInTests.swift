import ConferenceModel
import Foundation
import Testing

/// A dial-in call through ``ConferenceCall``: the PIN dialogue, the admission and its failures,
/// the room, leaving. Time is a fixed start plus what each step says.
@Suite struct ConferenceCallDialInTests {
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let dialIn = DialInSettings(interDigitTimeout: nil, maximumWrongEntries: nil)
    static let prompter = ParticipantPrompterSettings(lonelyUserTimeout: .seconds(60))

    static func caller(_ selection: RoomSelection) -> ConferenceCall {
        .dialIn(callTag: "tag-1", number: "sip:alice@example.org", selection: selection, dialIn: dialIn, prompter: prompter)
    }

    static func at(_ seconds: Double) -> Date { start.addingTimeInterval(seconds) }

    /// A caller with direct access to room 4711, admitted and in the mix.
    static func callerInRoom() -> ConferenceCall {
        var call = caller(.direct(room: "4711", participantID: ""))
        _ = call.receive(.mediaReady, at: at(0))
        _ = call.receive(.admission(.admitted), at: at(0))
        _ = call.receive(.mediaMoved(succeeded: true), at: at(1))
        return call
    }

    @Test func directAccessIsAdmittedMovedAndEntersTheMix() {
        var call = Self.caller(.direct(room: "4711", participantID: "p1"))
        #expect(call.phase == .answering)
        #expect(call.receive(.mediaReady, at: Self.at(0)) == [.admit(room: "4711", participantID: "p1", reason: "direct access: entered")])
        #expect(call.phase == .admitting(room: "4711"))
        #expect(call.receive(.admission(.admitted), at: Self.at(0)) == [.moveToRoom("4711")])
        #expect(call.receive(.mediaMoved(succeeded: true), at: Self.at(1)) == [.enterMix(room: "4711")])
        #expect(call.phase == .inRoom(room: "4711"))
        #expect(call.room == "4711")
        #expect(call.isInMix)
        #expect(call.connectedAt == Self.at(1))
        #expect(
            call.receive(.roomChanged(.entered(participantCount: 1)), at: Self.at(1))
                == [.playInFront(.firstParticipant), .startTimer(.lonelyUser, after: .seconds(60))])
    }

    @Test func theRoomNumberIsTypedReadBackAndJoined() {
        var call = Self.caller(.askForRoom(participantID: ""))
        #expect(call.receive(.mediaReady, at: Self.at(0)) == [.play([.pinPrompt])])
        #expect(call.phase == .selectingRoom)
        #expect(call.receive(.key("4"), at: Self.at(1)) == [.flushPrompts])
        #expect(call.receive(.key("2"), at: Self.at(2)) == [.flushPrompts])
        #expect(call.receive(.key("#"), at: Self.at(3)) == [.flushPrompts, .play([.digit(4), .digit(2), .enteringConference])])
        #expect(call.receive(.promptsFinished, at: Self.at(4)) == [.admit(room: "42", participantID: "", reason: "entered")])
        #expect(call.receive(.admission(.admitted), at: Self.at(4)) == [.moveToRoom("42")])
        #expect(call.receive(.mediaMoved(succeeded: true), at: Self.at(4)) == [.enterMix(room: "42")])
        #expect(call.receive(.key("5"), at: Self.at(5)) == [], "keys are ignored in the conference (spec §7.1)")
    }

    @Test func privateRoomsAreValidatedBeforeTheReadBack() {
        var call = ConferenceCall.dialIn(
            callTag: "t", number: "n", selection: .askForRoom(participantID: ""),
            dialIn: DialInSettings(privateRooms: true, interDigitTimeout: nil, maximumWrongEntries: nil), prompter: Self.prompter)
        _ = call.receive(.mediaReady, at: Self.at(0))
        _ = call.receive(.key("7"), at: Self.at(0))
        #expect(call.receive(.key("#"), at: Self.at(0)) == [.validate(room: "7", participantID: "")])
        #expect(call.receive(.roomValidated(isValid: false), at: Self.at(0)) == [.flushPrompts, .play([.wrongPIN])])
    }

    @Test func anAdmissionFollowedByAFailedMediaMoveLeavesNoRow() {
        var call = Self.caller(.direct(room: "4711", participantID: ""))
        _ = call.receive(.mediaReady, at: Self.at(0))
        #expect(call.receive(.admission(.admitted), at: Self.at(0)) == [.moveToRoom("4711")])
        #expect(call.receive(.mediaMoved(succeeded: false), at: Self.at(0)) == [.withdraw(room: "4711"), .play([.wrongPINBye])])
        #expect(call.room == nil)
        #expect(!call.isInMix)
        #expect(call.receive(.promptsFinished, at: Self.at(2)) == [.hangUp])
        #expect(call.phase == .leaving)
        #expect(
            call.receive(.sessionEnded(.localHangUp), at: Self.at(3))
                == [.releaseMedia, .finish(room: nil, rowUpdates: [], connectedSeconds: nil)])
        #expect(call.isFinished)
    }

    @Test func aHangUpWhileTheAdmissionIsPendingLeavesNoRow() {
        var call = Self.caller(.direct(room: "4711", participantID: ""))
        #expect(call.receive(.mediaReady, at: Self.at(0)) == [.admit(room: "4711", participantID: "", reason: "direct access: entered")])
        #expect(
            call.receive(.sessionEnded(.remoteHangUp), at: Self.at(1))
                == [.releaseMedia, .finish(room: nil, rowUpdates: [], connectedSeconds: nil)])
        #expect(call.phase == .ended)
        #expect(!call.isFinished, "the directory's answer is still due")
        #expect(call.receive(.admission(.admitted), at: Self.at(1)) == [.withdraw(room: "4711")])
        #expect(call.isFinished)
        #expect(call.receive(.mediaMoved(succeeded: true), at: Self.at(1)) == [], "no media moves for a call that is gone")
    }

    @Test func aRefusedAdmissionOfACallThatWentNeedsNothingTakenBack() {
        var call = Self.caller(.direct(room: "4711", participantID: ""))
        _ = call.receive(.mediaReady, at: Self.at(0))
        _ = call.receive(.sessionEnded(.remoteHangUp), at: Self.at(1))
        #expect(call.receive(.admission(.roomFull), at: Self.at(1)) == [])
        #expect(call.isFinished)
    }

    @Test func aKickWhileTheAdmissionIsPendingHangsUpAndTakesTheRowBack() {
        var call = Self.caller(.direct(room: "4711", participantID: ""))
        _ = call.receive(.mediaReady, at: Self.at(0))
        #expect(call.receive(.kick, at: Self.at(1)) == [.hangUp])
        #expect(call.receive(.admission(.admitted), at: Self.at(1)) == [.withdraw(room: "4711")])
        #expect(call.receive(.kick, at: Self.at(1)) == [], "sent away once")
    }

    @Test func aRefusedOrFullRoomPlaysItsPromptThenHangsUp() {
        var refused = Self.caller(.direct(room: "4711", participantID: ""))
        _ = refused.receive(.mediaReady, at: Self.at(0))
        #expect(refused.receive(.admission(.refused), at: Self.at(0)) == [.play([.wrongPINBye])])
        #expect(refused.phase == .selectingRoom)
        #expect(refused.receive(.promptsFinished, at: Self.at(1)) == [.hangUp])

        var full = Self.caller(.direct(room: "4711", participantID: ""))
        _ = full.receive(.mediaReady, at: Self.at(0))
        #expect(full.receive(.admission(.roomFull), at: Self.at(0)) == [.play([.roomFull])])
        #expect(full.receive(.promptsFinished, at: Self.at(1)) == [.hangUp])
    }

    @Test func mediaThatCannotBeSetUpSendsTheCallAway() {
        var call = Self.caller(.askForRoom(participantID: ""))
        #expect(call.receive(.mediaFailed, at: Self.at(0)) == [.hangUp])
        #expect(call.receive(.mediaReady, at: Self.at(0)) == [], "a late leg does not start the dialogue")
    }

    @Test func aMuteBeforeEnteringAppliesInTheMixAndAfterAtOnce() {
        var call = Self.caller(.direct(room: "4711", participantID: ""))
        _ = call.receive(.mediaReady, at: Self.at(0))
        #expect(call.receive(.setMuted(true), at: Self.at(0)) == [])
        _ = call.receive(.admission(.admitted), at: Self.at(0))
        #expect(call.receive(.mediaMoved(succeeded: true), at: Self.at(1)) == [.enterMix(room: "4711"), .applyMute(true)])
        #expect(call.receive(.setMuted(false), at: Self.at(2)) == [.applyMute(false)])
        #expect(!call.isMuted)
    }

    @Test func theLonelyTimerKicksWithDisconnect() {
        var call = Self.callerInRoom()
        _ = call.receive(.roomChanged(.entered(participantCount: 1)), at: Self.at(1))
        #expect(
            call.receive(.timerFired(.lonelyUser), at: Self.at(61))
                == [.updateRow(room: "4711", .kicked), .leaveMix(room: "4711"), .hangUp])
        #expect(call.leftAt == Self.at(61))
        #expect(
            call.receive(.sessionEnded(.localHangUp), at: Self.at(62))
                == [.releaseMedia, .finish(room: "4711", rowUpdates: [CallLegStatusUpdate(.ended)], connectedSeconds: 60)])
    }

    @Test func othersJoiningAndLeavingAreHeard() {
        var call = Self.callerInRoom()
        _ = call.receive(.roomChanged(.entered(participantCount: 1)), at: Self.at(1))
        #expect(
            call.receive(.roomChanged(.otherJoined(participantCount: 2)), at: Self.at(2))
                == [.cancelTimer(.lonelyUser), .playInFront(.joinSound)])
        #expect(
            call.receive(.roomChanged(.otherLeft(participantCount: 1)), at: Self.at(3))
                == [.playInFront(.dropSound), .startTimer(.lonelyUser, after: .seconds(60))])
    }

    @Test func aRemoteByeInTheRoomLeavesTheMixAndFinishesTheRow() {
        var call = Self.callerInRoom()
        _ = call.receive(.roomChanged(.entered(participantCount: 1)), at: Self.at(1))
        #expect(
            call.receive(.sessionEnded(.remoteHangUp), at: Self.at(6))
                == [
                    .cancelTimer(.lonelyUser), .leaveMix(room: "4711"), .releaseMedia,
                    .finish(
                        room: "4711", rowUpdates: [CallLegStatusUpdate(.byeReceived), CallLegStatusUpdate(.ended)],
                        connectedSeconds: 5),
                ])
        #expect(call.isFinished)
        #expect(call.receive(.sessionEnded(.remoteHangUp), at: Self.at(7)) == [], "ends once")
    }

    @Test func anRTPTimeoutInTheRoomSendsTheCallAway() {
        var call = Self.callerInRoom()
        #expect(call.receive(.mediaTimedOut, at: Self.at(301)) == [.leaveMix(room: "4711"), .hangUp])
        #expect(call.phase == .leaving)
        #expect(call.receive(.roomChanged(.otherJoined(participantCount: 2)), at: Self.at(302)) == [], "no longer in the mix")
    }

    /// An expired session timer (RFC 4028 §10) or a lost dialog ends the call without a BYE row.
    @Test func aSessionThatExpiresInTheRoomLeavesAndFinishes() {
        var call = Self.callerInRoom()
        #expect(
            call.receive(.sessionEnded(.lost), at: Self.at(121))
                == [.leaveMix(room: "4711"), .releaseMedia, .finish(room: "4711", rowUpdates: [CallLegStatusUpdate(.ended)], connectedSeconds: 120)])
    }
}
