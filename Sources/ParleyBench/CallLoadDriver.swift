import Foundation

/// Runs SIPp (`sip-tester`) as the callers of the calls benchmark: bursts of short calls at a
/// fixed rate over many rooms, and long-lived members of one room started in the background.
struct CallLoadDriver {
    /// The `sipp` executable.
    let executable: String
    /// Where scenarios, the injection file and SIPp's output go.
    let directory: URL
    /// The bridge's SIP port on 127.0.0.1.
    let bridgePort: Int
    /// How long a caller waits for the `200` of its INVITE or BYE before the call counts as failed.
    let answerTimeout: Duration

    /// Places `count` short calls at `rate` per second, spread over `rooms` rooms, each streaming
    /// `stream` (raw µ-law as long as `talk`) for `talk`; returns when every call has ended.
    func placeShortCalls(rate: Int, count: Int, rooms: Int, stream: String, talk: Duration) throws -> SIPpRunOutcome {
        let injection = directory.appendingPathComponent("rooms.csv")
        try CallScenarios.roomsInjectionFile(rooms: max(1, rooms)).write(to: injection, atomically: true, encoding: .utf8)
        let sending = Double(count) / Double(rate)
        // Concurrent calls are about rate × call length; twice that leaves room for slow answers.
        let callSeconds = talk / .seconds(1) + 1
        let limit = max(100, Int(Double(rate) * callSeconds * 2))
        let running = try launch(
            scenario: CallScenarios.shortCall(stream: stream, talk: talk, answerTimeout: answerTimeout), named: "setup-\(rate)",
            arguments: ["-inf", injection.path, "-m", String(count), "-r", String(rate), "-rp", "1000", "-l", String(limit)],
            timeLimit: .seconds(sending + callSeconds) + answerTimeout * 3 + .seconds(10))
        return running.finish()
    }

    /// Starts `count` members of `room` at `rate` calls per second, each streaming `stream` in a
    /// loop for `hold` after its ACK; `name` tells apart the runs' files.
    func startMembers(count: Int, room: String, rate: Int, stream: String, hold: Duration, named name: String) throws -> SIPpLaunch {
        let ramp = Double(count) / Double(rate)
        return try launch(
            scenario: CallScenarios.member(room: room, stream: stream, hold: hold, answerTimeout: answerTimeout), named: name,
            arguments: ["-m", String(count), "-r", String(rate), "-rp", "1000", "-l", String(count)],
            timeLimit: .seconds(ramp) + hold + answerTimeout * 3 + .seconds(10))
    }

    private func launch(scenario: String, named name: String, arguments: [String], timeLimit: Duration) throws -> SIPpLaunch {
        try SIPpLaunch(
            executable: executable, directory: directory, scenario: scenario, named: name, serverPort: bridgePort,
            timeLimit: timeLimit,
            arguments: ["-mi", "127.0.0.1", "-mp", String(try Self.freeMediaPort()), "-timeout_error"] + arguments)
    }

    /// An even port whose RTCP neighbour was free too a moment ago: SIPp's media port (`-mp`),
    /// from which every call's stream is sent.
    private static func freeMediaPort() throws -> Int {
        for _ in 0..<50 {
            let port = try LoopbackUDPSocket.freePort() & ~1
            if (try? LoopbackUDPSocket(port: port)) != nil, (try? LoopbackUDPSocket(port: port + 1)) != nil { return port }
        }
        throw ChildProcess.SpawnError(description: "sipp: no free even port pair on 127.0.0.1 for its media (-mp)")
    }
}
