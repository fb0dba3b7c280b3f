import Foundation

/// The procedure the fan-out benchmark runs for each server: fill the room, check it fans out to
/// every member, then offer increasing MESSAGE rates and count what reaches the sink.
struct IMCFanoutMeasurement {
    /// The sink every fan-out MESSAGE goes to.
    let sink: FanoutSink
    /// SIPp, for the joins and the load.
    let sipp: SIPpDriver
    /// Room size, owner included.
    let members: Int
    /// Offered MESSAGE rates, lowest first.
    let rates: [Int]
    /// How long each rate is offered.
    let secondsPerRate: Double
    /// How long after sending the sink still counts, and how long SIPp waits for a `200`.
    let grace: Duration
    /// Consecutive runs that do not keep up after which higher rates are skipped.
    let stopAfterFailures: Int

    /// The member whose MESSAGEs the load sends (not the owner, so ownership plays no part).
    private static let sender = "u2"

    /// Measures `server`, which must be answering already; stops nothing.
    func measure(_ server: IMCServerUnderTest) throws -> FanoutServerSummary {
        sink.reset()
        var joined = try sipp.join(serverPort: server.port, members: members)
        if joined.exitStatus != 0 {
            // A #join that timed out may still have been applied; joining again is harmless (the
            // member is told it is in the room already), and the room check below counts members.
            print("\(server.name): \(joined.failed ?? -1) of \(members) #join MESSAGEs failed; joining again")
            joined = try sipp.join(serverPort: server.port, members: members)
        }
        guard joined.exitStatus == 0 else {
            throw IMCServerUnderTest.StartError(
                description: "\(server.name): \(joined.failed ?? -1) of \(members) #join MESSAGEs failed (SIPp exit "
                    + "\(joined.exitStatus)):\n\(server.logTail)")
        }
        _ = sink.waitUntilQuiet(for: .seconds(1), limit: .seconds(10))
        try checkRoom(server)
        print("\(server.name): room of \(members) members fans one MESSAGE out to \(members - 1)")

        var results: [FanoutRateResult] = []
        var failuresInARow = 0
        for rate in rates {
            let result = try measure(server, rate: rate)
            print("\(server.name) \(result.summary)")
            results.append(result)
            failuresInARow = result.keptUp ? 0 : failuresInARow + 1
            guard server.process.isRunning() else {
                print("\(server.name) exited during the run:\n\(server.logTail)")
                break
            }
            if failuresInARow >= stopAfterFailures {
                print("\(server.name): \(failuresInARow) rates in a row not kept up; higher rates skipped")
                break
            }
        }
        return FanoutServerSummary(name: server.name, results: results)
    }

    /// One MESSAGE must reach every other member exactly once.
    private func checkRoom(_ server: IMCServerUnderTest) throws {
        let before = sink.counts
        let outcome = try sipp.load(serverPort: server.port, sender: Self.sender, rate: 1, count: 1, answerTimeout: grace)
        Thread.sleep(forTimeInterval: grace / .seconds(1))
        let delivered = sink.counts.since(before)
        guard outcome.exitStatus == 0, delivered.unique == members - 1 else {
            throw IMCServerUnderTest.StartError(
                description: "\(server.name): one MESSAGE to the room reached \(delivered.unique) members, not "
                    + "\(members - 1) (SIPp exit \(outcome.exitStatus)):\n\(server.logTail)")
        }
    }

    /// Offers `rate` MESSAGEs per second for `secondsPerRate`; the window closes `grace` after
    /// the later of SIPp's exit and the nominal end of sending.
    private func measure(_ server: IMCServerUnderTest, rate: Int) throws -> FanoutRateResult {
        if !sink.waitUntilQuiet(for: .seconds(1), limit: .seconds(30)) {
            print("\(server.name): the sink still receives retransmissions of the previous rate after 30 s")
        }
        let messages = max(1, Int((Double(rate) * secondsPerRate).rounded()))
        let before = sink.counts
        let cpuBefore = server.cpuSeconds
        let start = ContinuousClock.now
        let outcome = try sipp.load(
            serverPort: server.port, sender: Self.sender, rate: rate, count: messages, answerTimeout: grace)
        let windowEnd = max(ContinuousClock.now, start + .seconds(secondsPerRate)) + grace
        let remaining = windowEnd - ContinuousClock.now
        if remaining > .zero { Thread.sleep(forTimeInterval: remaining / .seconds(1)) }
        return FanoutRateResult(
            rate: rate, messages: messages, seconds: secondsPerRate, recipients: members - 1,
            sink: sink.counts.since(before), cpuSeconds: server.cpuSeconds - cpuBefore, sipp: outcome)
    }
}
