import SIPCore
import SIPTesting

/// One scripted IM conferencing session, run the same way against any server that speaks imc
/// (Kamailio 5.6 or `parley-imc`) by four fresh user agents, recording what each of them sees.
///
/// The steps walk the client-visible behaviour of imc.md §4–§8 in one room's life and one private
/// room's: create, joins (by room URI, through the manager URI, and again by a member), a plain
/// message, `#members` (typed in mixed case), a body whose `#` is not the first byte, `#rooms`
/// while only one room exists (so its hash order cannot matter), a private room re-created by
/// someone else, a refused join, an invitation by a non-member, an invitation rejected and one
/// accepted, `#add` by a plain member, `#add` and `#remove` by the owner, `#leave` by the owner and
/// by a member, `#help`, an unknown command, a message and a `#destroy` from people without the
/// right, the owner's `#destroy`, and a command to a room that is gone.
struct KamailioComparisonScript {
    /// One MESSAGE a user agent sends.
    struct Step {
        let agent: String
        let target: String
        let body: String
    }

    static let agents = ["alice", "bob", "carol", "dave"]
    static let room = "sip:chat-1@imc.test"
    static let privateRoom = "sip:chat-2@imc.test"
    static let manager = "sip:chat-manager@imc.test"

    static let steps: [Step] = [
        Step(agent: "alice", target: room, body: "#create"),
        Step(agent: "bob", target: room, body: "#join"),
        Step(agent: "carol", target: manager, body: "#join chat-1"),
        Step(agent: "bob", target: room, body: "#join"),
        Step(agent: "bob", target: room, body: "hello all\nsecond line"),
        Step(agent: "carol", target: room, body: "#Members"),
        Step(agent: "bob", target: room, body: " #leave"),
        Step(agent: "dave", target: manager, body: "#rooms"),
        Step(agent: "alice", target: manager, body: "#create chat-2 private"),
        Step(agent: "carol", target: manager, body: "#create chat-2 private"),
        Step(agent: "dave", target: privateRoom, body: "#join"),
        Step(agent: "carol", target: privateRoom, body: "#invite bob"),
        Step(agent: "alice", target: privateRoom, body: "#invite bob"),
        Step(agent: "bob", target: privateRoom, body: "#reject"),
        Step(agent: "alice", target: privateRoom, body: "#invite dave"),
        Step(agent: "dave", target: privateRoom, body: "#accept"),
        Step(agent: "dave", target: privateRoom, body: "#add bob"),
        Step(agent: "alice", target: privateRoom, body: "#add carol"),
        Step(agent: "carol", target: privateRoom, body: "#members"),
        Step(agent: "alice", target: privateRoom, body: "#remove carol"),
        Step(agent: "alice", target: privateRoom, body: "#leave"),
        Step(agent: "dave", target: privateRoom, body: "#leave"),
        Step(agent: "bob", target: room, body: "#help"),
        Step(agent: "bob", target: room, body: "#frobnicate now"),
        Step(agent: "dave", target: room, body: "may I speak?"),
        Step(agent: "bob", target: room, body: "#destroy"),
        Step(agent: "alice", target: room, body: "#destroy"),
        Step(agent: "alice", target: privateRoom, body: "#destroy"),
        Step(agent: "bob", target: room, body: "#members"),
    ]

    /// How long each agent listens per round while waiting for deliveries to stop.
    let listenWindow: Duration = .milliseconds(60)

    /// Registers fresh agents with the server on `serverPort`, runs every step and returns what
    /// each agent saw.
    func run(serverPort: Int) async throws -> KamailioComparisonTranscript {
        let agents = try Self.agents.map { try TestUserAgent(user: $0, serverPort: serverPort) }
        var transcript = KamailioComparisonTranscript()
        for agent in agents {
            let status = try await agent.register()
            transcript.statuses[agent.user, default: []].append("REGISTER \(agent.uri) -> \(status.map(String.init) ?? "no answer")")
        }
        for step in Self.steps {
            guard let agent = agents.first(where: { $0.user == step.agent }) else {
                throw TestSocketError("step for unknown agent \(step.agent)")
            }
            let status = try await agent.message(step.body, to: step.target)
            transcript.statuses[agent.user, default: []].append(
                "MESSAGE \(step.target) \(step.body.debugDescription) -> \(status.map(String.init) ?? "no answer")")
            await settle(agents)
        }
        for agent in agents {
            transcript.received[agent.user] = agent.inbox.map(KamailioComparisonDelivery.init)
        }
        return transcript
    }

    /// Lets every agent answer and collect MESSAGEs until a whole round brings none, so each
    /// step's deliveries are in before the next step starts (tm sends imc's MESSAGEs after the
    /// reply to the request may already have arrived).
    private func settle(_ agents: [TestUserAgent]) async {
        var seen = agents.map(\.inbox.count)
        // Bounded: a server that kept sending would otherwise keep the script here for ever.
        for _ in 0..<100 {
            for agent in agents { _ = await agent.receiveMessages(window: listenWindow) }
            let now = agents.map(\.inbox.count)
            if now == seen { return }
            seen = now
        }
    }
}
