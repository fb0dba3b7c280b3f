import ArgumentParser
import Foundation

/// `parley-bench calls`: the real `parley-bridge` under SIPp callers: how many call set-ups per
/// second it sustains without a failed call, and how many G.711 members one room holds while the
/// bridge keeps its 20 ms clock.
///
/// **Set-up rate.** For each of `--rates`, SIPp places `rate × --seconds-per-rate` calls at that
/// rate. Each call dials `conf<room>` (direct room access, no PIN dialogue) with a PCMU offer,
/// ACKs the `200`, streams a µ-law tone (SIPp `rtp_stream`, 20 ms packets) for `--talk-ms`, and
/// hangs up; call n joins room n modulo `--rooms`. A step succeeds when every call got its `200`s
/// and none failed; the result is the highest succeeding rate below the first failing one.
///
/// **Big room.** On a fresh bridge, the bench's own listener joins room `big`; then `--talkers`
/// SIPp members streaming a tone and `--members` − `--talkers` members streaming digital silence
/// (G.711 phones without voice activity detection still send every 20 ms) join at
/// `--member-rate`. Once all are up (the bridge's XML-RPC `roomInfo` counts them Connected), the
/// listener times the bridge's packets for `--listen-seconds`: 50 a second and no gap over 40 ms
/// mean the mix clock kept up, and the talkers' tone in the frames means the mix carried them.
struct CallsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calls",
        abstract: "parley-bridge under SIPp: sustained call set-ups per second, and G.711 members in one room."
    )

    @Option(help: "Offered call set-up rates per second, comma-separated, lowest first.")
    var rates = "100,200,400,700,1000,1400"

    @Option(help: "Seconds each rate is offered.")
    var secondsPerRate: Double = 5

    @Option(help: "Rooms the short calls are spread over (call n joins room n modulo this).")
    var rooms = 50

    @Option(help: "Milliseconds each short call streams audio between its ACK and its BYE.")
    var talkMs = 1000

    @Option(help: "Members of the big room (the bench's listener comes on top); 0 skips the big room.")
    var members = 2000

    @Option(help: "Members of the big room that stream a tone; the others stream silence.")
    var talkers = 3

    @Option(help: "Call set-ups per second while the big room fills.")
    var memberRate = 200

    @Option(help: "Seconds the listener times the big room's mix once every member is up.")
    var listenSeconds: Double = 10

    @Option(help: "The room mixing rate (8000 keeps G.711 free of resampling; 16000 is the bridge's default).")
    var roomRate = 8000

    @Option(help: "The bridge's RTP ports, first-last (one even port per call).")
    var rtpPorts = "20000-59999"

    @Option(help: "Seconds a caller waits for the 200 to its INVITE or BYE before the call fails.")
    var answerTimeout: Double = 8

    @Flag(help: "Run the bridge's media threads under the real-time FIFO policy (media.realtime-priority; needs root).")
    var realtimeMedia = false

    @Option(help: "The parley-bridge executable (default: beside parley-bench).")
    var parleyBridge: String?

    @Option(help: "The sipp executable (default: found on PATH).")
    var sipp: String?

    @Flag(help: "Keep the temporary folder (configuration, logs, SIPp output, µ-law files).")
    var keepFiles = false

    /// The listener's and talkers' tone, in Hz.
    private static let toneFrequency = 440.0

    func validate() throws {
        guard parsedRates != nil else { throw ValidationError("--rates needs positive integers separated by commas") }
        guard secondsPerRate >= 1 else { throw ValidationError("--seconds-per-rate must be at least 1") }
        guard rooms >= 1, talkMs >= 100 else { throw ValidationError("need --rooms ≥ 1 and --talk-ms ≥ 100") }
        guard members >= 0, talkers >= 0, members == 0 || talkers <= members, memberRate >= 1, listenSeconds >= 1 else {
            throw ValidationError("need --members ≥ 0, 0 ≤ --talkers ≤ --members, --member-rate ≥ 1, --listen-seconds ≥ 1")
        }
        guard [8000, 16000, 48000].contains(roomRate) else { throw ValidationError("--room-rate is 8000, 16000 or 48000") }
        guard parsedPorts != nil else { throw ValidationError("--rtp-ports is first-last, e.g. 20000-59999") }
        guard answerTimeout >= 1 else { throw ValidationError("--answer-timeout must be at least 1") }
    }

    private var parsedRates: [Int]? {
        let values = rates.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) > 0 }) else { return nil }
        return values.compactMap { $0 }.sorted()
    }

    private var parsedPorts: ClosedRange<Int>? {
        let bounds = rtpPorts.split(separator: "-").compactMap { Int($0) }
        guard bounds.count == 2, 1024 <= bounds[0], bounds[0] < bounds[1], bounds[1] <= 65_535 else { return nil }
        return bounds[0]...bounds[1]
    }

    func run() throws {
        guard let sippPath = sipp ?? ExecutableSearch.find("sipp") else {
            print("sipp not found: apt-get install -y sip-tester")
            throw ExitCode.failure
        }
        guard let sox = ExecutableSearch.find("sox"), let curl = ExecutableSearch.find("curl") else {
            print("sox and curl are needed (the µ-law files, the bridge's roomInfo): apt-get install -y sox curl")
            throw ExitCode.failure
        }
        guard let bridgePath = parleyBridge ?? ExecutableSearch.besideThisExecutable("parley-bridge") else {
            print("parley-bridge not found beside parley-bench: swift build -c release --product parley-bridge")
            throw ExitCode.failure
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-calls-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer {
            if keepFiles { print("files kept in \(directory.path)") } else { try? FileManager.default.removeItem(at: directory) }
        }
        let streams = try CallStreams(sox: sox, directory: directory, talk: .milliseconds(talkMs), toneFrequency: Self.toneFrequency)
        let environment = Environment(
            bridge: bridgePath, sipp: sippPath, curl: curl, directory: directory, streams: streams,
            ports: parsedPorts ?? 20000...59999)
        print("parley-bridge \(bridgePath); RTP ports \(rtpPorts); rooms mix at \(roomRate) Hz; \(ProcessInfo.processInfo.activeProcessorCount) CPUs")

        var report = BenchmarkReport()
        let steps = try measureSetUpRate(environment)
        // The sweep stops at the first failing rate, so the best is the last before it.
        let best = steps.prefix(while: \.succeeded).last
        report.add("max_cps", perSecond: Double(best?.rate ?? 0))
        if let best { report.add("max_cps_achieved", perSecond: best.achievedRate) }
        if let failing = steps.first(where: { !$0.succeeded }) { report.add("failed_at", perSecond: Double(failing.rate)) }
        if let best {
            report.add("bridge_cpu_per_call_us", perSecond: best.bridgeCPUPerCallMicroseconds)
            report.add("sipp_cpu_per_call_us", perSecond: best.sippCPUSeconds * 1e6 / Double(best.calls))
        }
        if members > 0 {
            let room = try measureBigRoom(environment)
            report.add("room_members_up", perSecond: Double(room.membersUp))
            report.add("room_listener_packets_per_s", ratio: room.listener.packetsPerSecond)
            report.add("room_gaps_over_40ms", perSecond: Double(room.listener.longGaps))
            report.add("room_tone_share", ratio: room.listener.toneShare)
            report.add("room_bridge_cpu_percent", ratio: room.bridgeCPUPercent)
            report.add("room_failed_calls", perSecond: Double(room.failedCalls))
        }
        print(report.line)
    }

    /// What the two measurements need: the programs, the folder and the streams.
    private struct Environment {
        let bridge: String
        let sipp: String
        let curl: String
        let directory: URL
        let streams: CallStreams
        let ports: ClosedRange<Int>
    }

    /// A fresh bridge, and SIPp pointed at it.
    private func startBridge(_ environment: Environment) throws -> (BridgeUnderTest, CallLoadDriver) {
        let bridge = try BridgeUnderTest.start(
            executable: environment.bridge, directory: environment.directory, rtpPorts: environment.ports, roomRate: roomRate,
            realtimeMedia: realtimeMedia)
        let driver = CallLoadDriver(
            executable: environment.sipp, directory: environment.directory, bridgePort: bridge.sipPort,
            answerTimeout: .seconds(answerTimeout))
        return (bridge, driver)
    }

    /// Offers each rate on one bridge, stopping at the first rate with a failed call.
    private func measureSetUpRate(_ environment: Environment) throws -> [CallRateStep] {
        guard let rateList = parsedRates, !rateList.isEmpty else { return [] }
        let (bridge, driver) = try startBridge(environment)
        defer { bridge.stop() }
        print("set-up rate: \(rooms) rooms, calls of \(talkMs) ms streaming a PCMU tone, \(secondsPerRate) s per rate")
        var steps: [CallRateStep] = []
        for rate in rateList {
            let calls = max(1, Int((Double(rate) * secondsPerRate).rounded()))
            let cpuBefore = bridge.cpuSeconds
            let sippCPUBefore = Self.reapedChildrenCPUSeconds()
            let outcome = try driver.placeShortCalls(
                rate: rate, count: calls, rooms: rooms, stream: environment.streams.talk.path, talk: .milliseconds(talkMs))
            let step = CallRateStep(
                rate: rate, calls: calls, sipp: outcome, talk: .milliseconds(talkMs), bridgeCPUSeconds: bridge.cpuSeconds - cpuBefore,
                sippCPUSeconds: Self.reapedChildrenCPUSeconds() - sippCPUBefore)
            print(step.summary)
            steps.append(step)
            guard bridge.process.isRunning() else {
                print("parley-bridge exited during the run:\n\(bridge.logTail)")
                break
            }
            if !step.succeeded { break }
            // Let the last calls' media and transactions drain before the next rate.
            Thread.sleep(forTimeInterval: 2)
        }
        return steps
    }

    /// CPU seconds of the bench's children that have exited and been reaped (`RUSAGE_CHILDREN`):
    /// around one SIPp run, that run's CPU.
    private static func reapedChildrenCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// What the big room measurement found.
    private struct BigRoomResult {
        let membersUp: Int
        let listener: ListenerReport
        let bridgeCPUPercent: Double
        let failedCalls: Int
    }

    /// Fills one room on a fresh bridge and listens to its mix.
    private func measureBigRoom(_ environment: Environment) throws -> BigRoomResult {
        let room = "big"
        let (bridge, driver) = try startBridge(environment)
        defer { bridge.stop() }
        let listener = try RoomListener(bridgePort: bridge.sipPort, room: room)
        try listener.join(timeout: .seconds(answerTimeout))
        defer { listener.leave() }

        let ramp = Double(members) / Double(memberRate)
        let hold = Duration.seconds(ramp + listenSeconds + 15)
        print("big room: \(members) members (\(talkers) streaming a tone, the others silence) joining at \(memberRate) CPS, "
            + "then \(listenSeconds) s of listening")
        var runs: [SIPpLaunch] = []
        if talkers > 0 {
            runs.append(try driver.startMembers(
                count: talkers, room: room, rate: memberRate, stream: environment.streams.tone.path, hold: hold, named: "talkers"))
        }
        if members > talkers {
            runs.append(try driver.startMembers(
                count: members - talkers, room: room, rate: memberRate, stream: environment.streams.silence.path, hold: hold,
                named: "members"))
        }
        // Every member is up when the room counts them all (and the listener) Connected.
        let deadline = ContinuousClock.now + .seconds(ramp) + .seconds(answerTimeout * 2)
        var connected = 0
        repeat {
            Thread.sleep(forTimeInterval: 1)
            connected = try BridgeRoomInfo.connectedParticipants(
                room: room, xmlrpcPort: bridge.xmlrpcPort, curl: environment.curl, directory: environment.directory) - 1
            print("  \(connected) of \(members) members connected")
        } while connected < members && ContinuousClock.now < deadline
        let cpuBefore = bridge.cpuSeconds
        let wallBefore = ContinuousClock.now
        let heard = try listener.listen(for: .seconds(listenSeconds), toneFrequency: Self.toneFrequency)
        let cpuPercent = 100 * (bridge.cpuSeconds - cpuBefore) / ((ContinuousClock.now - wallBefore) / .seconds(1))
        let stillConnected = try BridgeRoomInfo.connectedParticipants(
            room: room, xmlrpcPort: bridge.xmlrpcPort, curl: environment.curl, directory: environment.directory) - 1
        print(heard.summary)
        print("bridge CPU while listening: \(BenchmarkReport.format(cpuPercent, fractionDigits: 1)) % of one core; "
            + "\(stillConnected) members still connected after listening")
        var failed = 0
        for run in runs {
            let outcome = run.finish()
            print("  SIPp \(outcome.answered ?? -1) calls succeeded, \(outcome.failed ?? -1) failed, exit \(outcome.exitStatus)")
            failed += outcome.failed ?? 0
        }
        return BigRoomResult(
            membersUp: min(connected, stillConnected), listener: heard, bridgeCPUPercent: cpuPercent, failedCalls: failed)
    }
}
