import ConferenceModel

/// Drives a ``DialInCall`` the way the bridge does: timers go to a manual clock, which feeds their
/// expiry back in.
struct DialInHarness {
    var call: DialInCall
    var clock = ManualTimerClock()

    init(settings: DialInSettings = DialInSettings()) {
        call = DialInCall(settings: settings)
    }

    mutating func send(_ input: DialInInput) -> [DialInAction] {
        let actions = call.receive(input)
        for action in actions {
            switch action {
            case .startTimer(let timer, let delay): clock.start(timer, after: delay)
            case .cancelTimer(let timer): clock.cancel(timer)
            default: break
            }
        }
        return actions
    }

    /// Presses each key in turn and returns all the actions.
    mutating func press(_ keys: String) -> [DialInAction] {
        keys.flatMap { send(.digit($0)) }
    }

    mutating func advance(by step: Duration) -> [DialInAction] {
        clock.advance(by: step).flatMap { send(.timerFired($0)) }
    }
}
