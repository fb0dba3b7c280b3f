import Foundation

/// Runs SIPp (`sip-tester`) against one server: the joins that fill the room, then MESSAGEs from
/// one member at a fixed rate.
struct SIPpDriver {
    /// The `sipp` executable.
    let executable: String
    /// Where scenarios and SIPp's output go.
    let directory: URL
    /// The room's user part (`chat-1`); the imc route matches `^chat-`.
    let room: String

    /// Sends `#join` from u1…u`members`, one at a time (`-l 1`) so that u1 creates the room.
    func join(serverPort: Int, members: Int) throws -> SIPpRunOutcome {
        try run(
            scenario: SIPpScenarios.join(room: room), named: "join", serverPort: serverPort,
            arguments: ["-m", String(members), "-l", "1", "-r", "1000"], timeLimit: .seconds(60))
    }

    /// Sends `count` MESSAGEs from `sender` at `rate` per second, each waiting at most
    /// `answerTimeout` for its `200`.
    func load(serverPort: Int, sender: String, rate: Int, count: Int, answerTimeout: Duration) throws -> SIPpRunOutcome {
        let seconds = Double(count) / Double(rate)
        let limit = Duration.seconds(Int(seconds.rounded(.up)) + 10) + answerTimeout
        return try run(
            scenario: SIPpScenarios.load(room: room, sender: sender, answerTimeout: answerTimeout), named: "load",
            serverPort: serverPort,
            arguments: ["-m", String(count), "-r", String(rate), "-rp", "1000", "-l", String(max(1000, rate * 10))],
            timeLimit: limit)
    }

    private func run(
        scenario: String, named name: String, serverPort: Int, arguments: [String], timeLimit: Duration
    ) throws -> SIPpRunOutcome {
        try SIPpLaunch(
            executable: executable, directory: directory, scenario: scenario, named: name, serverPort: serverPort,
            timeLimit: timeLimit, arguments: ["-nr"] + arguments
        ).finish()
    }
}
