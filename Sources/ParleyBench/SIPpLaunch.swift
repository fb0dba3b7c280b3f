import Foundation

/// One SIPp run the benchmarks start: the scenario written to the work folder, SIPp started on it
/// against a server on 127.0.0.1 with its output in a file of its own; ``finish()`` waits for it.
struct SIPpLaunch {
    /// SIPp.
    let process: ChildProcess
    /// Where SIPp's output goes (its final statistics screen among it).
    let outputPath: String
    /// When it was started.
    let started: ContinuousClock.Instant

    /// Writes `scenario` as `<name>.xml` in `directory` and starts `executable` on it against
    /// 127.0.0.1:`serverPort` from a free port, stopping after `timeLimit`; `arguments` come after
    /// the common ones.
    init(
        executable: String, directory: URL, scenario: String, named name: String, serverPort: Int,
        timeLimit: Duration, arguments: [String]
    ) throws {
        let scenarioURL = directory.appendingPathComponent("\(name).xml")
        try scenario.write(to: scenarioURL, atomically: true, encoding: .utf8)
        outputPath = directory.appendingPathComponent("sipp-\(name).txt").path
        try? FileManager.default.removeItem(atPath: outputPath)
        started = ContinuousClock.now
        process = try ChildProcess(
            executable,
            [
                "127.0.0.1:\(serverPort)", "-sf", scenarioURL.path, "-i", "127.0.0.1",
                "-p", String(try LoopbackUDPSocket.freePort()), "-nostdin",
                "-timeout", "\(Int((timeLimit / .seconds(1)).rounded(.up)))s",
            ] + arguments,
            outputPath: outputPath)
    }

    /// Waits for SIPp to exit and reads its final statistics.
    func finish() -> SIPpRunOutcome {
        let status = process.waitForExit()
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return SIPpRunOutcome(exitStatus: status, elapsed: ContinuousClock.now - started, output: output)
    }
}
