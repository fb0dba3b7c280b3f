import ConferenceModel

/// Drives a ``ParticipantPrompter`` with a manual clock.
struct ParticipantPrompterHarness {
    var prompter: ParticipantPrompter
    var clock = ManualTimerClock()

    init(settings: ParticipantPrompterSettings) {
        prompter = ParticipantPrompter(settings: settings)
    }

    mutating func send(_ event: ParticipantRoomEvent) -> [ParticipantPrompterAction] {
        let actions = prompter.receive(event)
        for action in actions {
            switch action {
            case .startTimer(let timer, let delay): clock.start(timer, after: delay)
            case .cancelTimer(let timer): clock.cancel(timer)
            default: break
            }
        }
        return actions
    }

    mutating func advance(by step: Duration) -> [ParticipantPrompterAction] {
        clock.advance(by: step).flatMap { send(.timerFired($0)) }
    }
}
