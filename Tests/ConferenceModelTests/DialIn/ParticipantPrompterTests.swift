import ConferenceModel
import Testing

@Suite("In-conference participant prompts")
struct ParticipantPrompterTests {
    static let lonely: Duration = .seconds(30)

    @Test("the first participant hears first_participant; left alone past lonely_user_timer, they are kicked")
    func lonelyUserTimer() {
        var harness = ParticipantPrompterHarness(settings: ParticipantPrompterSettings(lonelyUserTimeout: Self.lonely))
        #expect(harness.send(.entered(participantCount: 1)) == [.playInFront(.firstParticipant), .startTimer(.lonelyUser, after: Self.lonely)])
        #expect(harness.prompter.isAlone)
        #expect(harness.advance(by: .seconds(29)) == [])
        #expect(harness.advance(by: .seconds(1)) == [.kick(reason: "disconnect")])
        #expect(harness.prompter.hasLeft)
        #expect(harness.send(.otherJoined(participantCount: 2)) == [])
    }

    @Test("in loop mode the first-participant prompt loops until someone joins, who is announced by the join sound")
    func loopStoppedByJoin() {
        var harness = ParticipantPrompterHarness(settings: ParticipantPrompterSettings(loopFirstParticipantPrompt: true, lonelyUserTimeout: Self.lonely))
        #expect(harness.send(.entered(participantCount: 1)) == [.loopInFront(.firstParticipant), .startTimer(.lonelyUser, after: Self.lonely)])
        #expect(harness.prompter.isLooping)
        #expect(harness.advance(by: .seconds(10)) == [])
        #expect(harness.send(.otherJoined(participantCount: 2)) == [.cancelTimer(.lonelyUser), .stopPrompts, .playInFront(.joinSound)])
        #expect(!harness.prompter.isLooping)
        #expect(!harness.prompter.isAlone)
        #expect(harness.advance(by: .seconds(600)) == [])
        // A third joiner only beeps: the loop is not running.
        #expect(harness.send(.otherJoined(participantCount: 3)) == [.playInFront(.joinSound)])
    }

    @Test("someone joining a room with others: the joiner hears nothing, the others the join sound")
    func joinerHearsNothing() {
        var joiner = ParticipantPrompterHarness(settings: ParticipantPrompterSettings(loopFirstParticipantPrompt: true, lonelyUserTimeout: Self.lonely))
        #expect(joiner.send(.entered(participantCount: 3)) == [])
        #expect(!joiner.prompter.isAlone)
        #expect(joiner.send(.otherJoined(participantCount: 4)) == [.playInFront(.joinSound)])
    }

    @Test("someone leaving plays the drop sound; being left alone restarts the lonely timer")
    func dropSound() {
        var harness = ParticipantPrompterHarness(settings: ParticipantPrompterSettings(lonelyUserTimeout: Self.lonely))
        _ = harness.send(.entered(participantCount: 1))
        _ = harness.send(.otherJoined(participantCount: 2))
        _ = harness.send(.otherJoined(participantCount: 3))
        #expect(harness.send(.otherLeft(participantCount: 2)) == [.playInFront(.dropSound)])
        #expect(harness.advance(by: .seconds(100)) == [])
        #expect(harness.send(.otherLeft(participantCount: 1)) == [.playInFront(.dropSound), .startTimer(.lonelyUser, after: Self.lonely)])
        #expect(harness.prompter.isAlone)
        #expect(harness.advance(by: Self.lonely) == [.kick(reason: "disconnect")])
    }

    @Test("without lonely_user_timer nobody is kicked")
    func noLonelyTimer() {
        var harness = ParticipantPrompterHarness(settings: ParticipantPrompterSettings())
        #expect(harness.send(.entered(participantCount: 1)) == [.playInFront(.firstParticipant)])
        #expect(harness.send(.otherJoined(participantCount: 2)) == [.playInFront(.joinSound)])
        #expect(harness.send(.otherLeft(participantCount: 1)) == [.playInFront(.dropSound)])
        #expect(harness.advance(by: .seconds(86_400)) == [])
        #expect(!harness.prompter.hasLeft)
    }

    @Test("B27 fixed: a dial-out that rings, has early media and answers beeps once, at answer")
    func dialOutBeepsOnce() {
        var harness = ParticipantPrompterHarness(settings: ParticipantPrompterSettings(loopFirstParticipantPrompt: true, lonelyUserTimeout: Self.lonely))
        var heard = harness.send(.entered(participantCount: 1))
        let ringing = harness.send(.otherRinging(participantCount: 2))
        #expect(ringing == [.cancelTimer(.lonelyUser), .stopPrompts])
        heard += ringing
        heard += harness.send(.otherRinging(participantCount: 2))
        heard += harness.advance(by: .seconds(60))
        let answered = harness.send(.otherJoined(participantCount: 2))
        #expect(answered == [.playInFront(.joinSound)])
        heard += answered
        #expect(heard.filter { $0 == .playInFront(.joinSound) }.count == 1)

        // The callee is a joiner: alone it hears first_participant, otherwise nothing.
        var callee = ParticipantPrompterHarness(settings: ParticipantPrompterSettings())
        #expect(callee.send(.entered(participantCount: 2)) == [])
    }

    @Test("a dial-out that never answers leaves without a beep and leaves the caller lonely again")
    func dialOutNotAnswered() {
        var harness = ParticipantPrompterHarness(settings: ParticipantPrompterSettings(lonelyUserTimeout: Self.lonely))
        _ = harness.send(.entered(participantCount: 1))
        _ = harness.send(.otherRinging(participantCount: 2))
        #expect(harness.send(.otherStoppedRinging(participantCount: 1)) == [.startTimer(.lonelyUser, after: Self.lonely)])
        #expect(harness.advance(by: Self.lonely) == [.kick(reason: "disconnect")])
    }

    @Test("leaving the room stops the lonely timer, and a late expiry is ignored")
    func leftRoom() {
        var harness = ParticipantPrompterHarness(settings: ParticipantPrompterSettings(lonelyUserTimeout: Self.lonely))
        _ = harness.send(.entered(participantCount: 1))
        #expect(harness.send(.leftRoom) == [.cancelTimer(.lonelyUser)])
        #expect(harness.send(.timerFired(.lonelyUser)) == [])
        #expect(harness.send(.otherLeft(participantCount: 1)) == [])
    }

    @Test("settings are read from webconference.conf")
    func settingsFromConfiguration() throws {
        let file = try SEMSConfigFile(text: "lonely_user_timer=45\nloop_first_participant_prompt=yes\n", origin: "f")
        #expect(ParticipantPrompterSettings(configuration: file) == ParticipantPrompterSettings(loopFirstParticipantPrompt: true, lonelyUserTimeout: .seconds(45)))
        let off = try SEMSConfigFile(text: "lonely_user_timer=0\nloop_first_participant_prompt=true\n", origin: "f")
        #expect(ParticipantPrompterSettings(configuration: off) == ParticipantPrompterSettings())
    }
}
