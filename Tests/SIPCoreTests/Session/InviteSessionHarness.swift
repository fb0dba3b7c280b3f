import SIPCore
import SIPTesting

/// Drives one ``InviteSession`` the way the endpoint driver does, on a ``MockClock``: it keeps
/// what the session sent and reported, and arms and fires its timers at exact virtual times.
struct InviteSessionHarness {
    static let configuration = InviteSessionConfiguration(
        contact: SIPURI(user: "parley", host: "192.0.2.10", port: 5060),
        makeVia: { SIPVia(transport: "UDP", host: "192.0.2.10", port: 5060, parameters: [.init(name: "branch", value: SIPIdentifiers.branch())]) },
        glareRetryDelay: { $0 ? .milliseconds(3000) : .milliseconds(1000) })

    var session: InviteSession
    var clock = MockClock<InviteSessionTimer>()
    var requests: [SIPMessage] = []
    var acks: [SIPMessage] = []
    var responses: [SIPMessage] = []
    var events: [InviteSessionEvent] = []
    /// When each request, ACK and response went out.
    var sendTimes: [Duration] = []

    init(session: InviteSession, actions: [InviteSessionAction]) {
        self.session = session
        apply(actions)
    }

    mutating func apply(_ actions: [InviteSessionAction]) {
        for action in actions {
            switch action {
            case .sendRequest(let request): requests.append(request); sendTimes.append(clock.now)
            case .sendACK(let ack): acks.append(ack); sendTimes.append(clock.now)
            case .sendResponse(let response): responses.append(response); sendTimes.append(clock.now)
            case .schedule(let timer, let delay): clock.schedule(timer, after: delay)
            case .cancel(let timer): clock.cancel(timer)
            case .report(let event): events.append(event)
            }
        }
    }

    mutating func receive(_ request: SIPMessage) { apply(session.receive(request: request)) }
    mutating func receive(response: SIPMessage) { apply(session.receive(response: response)) }
    mutating func run(_ command: (inout InviteSession) -> [InviteSessionAction]) { apply(command(&session)) }

    /// Fires every timer due up to `limit`, one at a time, and returns them with their times.
    mutating func advance(to limit: Duration) -> [(InviteSessionTimer, Duration)] {
        var fired: [(InviteSessionTimer, Duration)] = []
        while let timer = clock.advanceToNextTimer(notAfter: limit) {
            fired.append((timer, clock.now))
            apply(session.timerFired(timer))
        }
        return fired
    }
}
