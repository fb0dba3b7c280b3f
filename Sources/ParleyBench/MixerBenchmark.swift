import ArgumentParser
import MediaMixer
import MediaTesting

#if canImport(Glibc)
import Glibc
#endif

/// `parley-bench mixer`: one room of N RTP members over loopback UDP in a real ``MediaEngine``,
/// reporting late ticks, the tick's 99th-percentile duration and the process's CPU use.
///
/// K members are ``RTPTestPeer``s that send a tone every 20 ms (and decode what they hear); the
/// other N − K are silent: their phones send nothing, as phones with voice activity detection or
/// Opus DTX do, and what the engine sends them goes to one sink socket that is never read (the
/// kernel drops what overflows it), so the figures are the engine's sending cost and not a receiver's.
/// The engine still polls every silent member's socket each tick, as it must.
struct MixerBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mixer",
        abstract: "A room of N RTP members over loopback: late ticks, tick p99, CPU, allocations per tick."
    )

    /// The codecs the benchmark can run a room in.
    enum Codec: String, ExpressibleByArgument {
        case pcmu
        case opus
    }

    @Option(help: "Codec of every member: pcmu (room at 8 kHz) or opus (room at 48 kHz).")
    var codec: Codec = .pcmu

    @Option(help: "Members in the room.")
    var members: Int = 100

    @Option(help: "Members that send a tone; the others send nothing.")
    var talkers: Int = 3

    @Option(help: "Seconds to measure, after one second of warm-up.")
    var seconds: Double = 5

    @Option(help: "Media threads.")
    var threads: Int = 2

    @Flag(help: "Encode every member separately instead of sharing one encoding per distinct mix.")
    var separateEncoding = false

    @Flag(help: "Run the media clock and media threads under the real-time FIFO policy (needs CAP_SYS_NICE).")
    var realtime = false

    @Option(help: "Opus encoder complexity (0-10).")
    var opusComplexity: Int = 5

    @Option(help: "Opus coding mode: voip (speech, in-band FEC) or audio (general audio, about half the CPU per frame).")
    var opusApplication: OpusMode = .voip

    enum OpusMode: String, ExpressibleByArgument {
        case voip, audio
    }

    func validate() throws {
        guard members > 0, (0...members).contains(talkers) else { throw ValidationError("need 0 ≤ talkers ≤ members, members > 0") }
        guard talkers <= 64 else { throw ValidationError("at most 64 talkers (each is a peer thread)") }
        guard seconds > 0 else { throw ValidationError("--seconds must be positive") }
    }

    func run() throws {
        let kind: AudioCodecKind = codec == .pcmu ? .pcmu : .opus
        let engine = MediaEngine(mediaThreads: threads, realtimePriority: realtime)
        defer { engine.shutdown() }
        let room = try engine.createRoom(MediaRoomSettings(sampleRate: kind.sampleRate, sharedEncoding: !separateEncoding))
        let sink = try LoopbackUDPSocket()
        let settings = AudioCodecSettings(
            opusComplexity: opusComplexity, opusApplication: opusApplication == .audio ? .audio : .voip
        )

        var peers: [RTPTestPeer] = []
        for index in 0..<talkers {
            let peer = try RTPTestPeer(codec: kind, toneFrequency: 300 + 100 * Double(index % 30))
            let stream = RTPStreamSettings(
                codec: kind, payloadType: peer.payloadType, localAddress: "127.0.0.1",
                remoteAddress: "127.0.0.1", remotePort: peer.localPort, codecSettings: settings
            )
            let (_, port) = try engine.addMember(to: room, stream: stream)
            peer.start(sendingTo: port)
            peers.append(peer)
        }
        for _ in talkers..<members {
            let stream = RTPStreamSettings(
                codec: kind, localAddress: "127.0.0.1", remoteAddress: "127.0.0.1", remotePort: sink.port,
                symmetricRTP: false, codecSettings: settings
            )
            _ = try engine.addMember(to: room, stream: stream)
        }
        print("room: \(members) \(codec.rawValue) members, \(talkers) talking, \(threads) media threads, "
            + (separateEncoding ? "every member encoded separately" : "shared encoding per distinct mix")
            + (realtime ? ", real-time scheduling" : ""))

        Self.sleep(seconds: 1)
        engine.resetStatistics()
        let ticksBefore = engine.statistics
        let cpuBefore = Self.processCPUSeconds()
        let wallBefore = Self.wallSeconds()
        Self.sleep(seconds: seconds)
        let ticksAfter = engine.statistics
        let cpu = Self.processCPUSeconds() - cpuBefore
        let wall = Self.wallSeconds() - wallBefore
        let cpuPercent = 100 * cpu / wall
        let lateTicks = ticksAfter.lateTicks - ticksBefore.lateTicks
        let heard = peers.map(\.receivedPackets)
        print("ticks \(ticksAfter.ticks - ticksBefore.ticks), late \(lateTicks), p99 \(ticksAfter.tickP99Microseconds) µs, "
            + "max \(ticksAfter.maximumTickMicroseconds) µs, CPU \(BenchmarkReport.format(cpuPercent, fractionDigits: 1)) % of one core")
        if !heard.isEmpty { print("packets received by talking peers: \(heard.min()!)…\(heard.max()!)") }

        // Allocations with the talking peers stopped, so only the engine's own (and oRTP's) are counted.
        for peer in peers { peer.stop() }
        var allocationsField = ""
        if AllocationCounter.isInterposing {
            Self.sleep(seconds: 0.3)
            let (perRun, ticks) = AllocationCounter.allocationsPerRun(runs: 1) {
                let start = engine.statistics.ticks
                Self.sleep(seconds: 1)
                return engine.statistics.ticks - start
            }
            // The checksum is the sum of both runs' tick counts; the counted run is about half of it.
            let perTick = perRun / max(1, Double(ticks) / 2)
            allocationsField = " allocations_per_tick=\(BenchmarkReport.format(perTick, fractionDigits: 1))"
            print("allocations per tick (silent room, over one second): \(BenchmarkReport.format(perTick, fractionDigits: 1))")
        }
        print("members=\(members) talkers=\(talkers) late_ticks=\(lateTicks) tick_p99_us=\(ticksAfter.tickP99Microseconds) "
            + "cpu_percent=\(BenchmarkReport.format(cpuPercent, fractionDigits: 1))" + allocationsField)
    }

    private static func sleep(seconds: Double) {
        usleep(UInt32(seconds * 1_000_000))
    }

    private static func wallSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }
}
