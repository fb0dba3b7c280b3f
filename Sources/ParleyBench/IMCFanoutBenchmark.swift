import ArgumentParser
import Foundation

/// `parley-bench imc-fanout`: Kamailio 5.6's imc and `parley-imc` under the same load in one run.
///
/// For each server: a room of `--members` (u1 creates it with `#join`, the others join), then
/// SIPp sends MESSAGEs from one member at each of `--rates` for `--seconds-per-rate`, each fanned
/// out to every other member through the outbound proxy, a sink that answers `200` at once and
/// counts distinct Call-IDs and retransmissions. A run "kept up" when at least 99 % of the
/// fan-out arrived within the run plus `--grace` and retransmissions stayed under 1 %; a server's
/// peak is its highest delivered rate among those runs. Reference measured on this hardware:
/// Kamailio peaks at about 19 800 fan-out MESSAGE/s on 2 cores and storms beyond.
struct IMCFanoutBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "imc-fanout",
        abstract: "Kamailio imc and parley-imc fan-out MESSAGE/s under the same load, and their ratio."
    )

    @Option(help: "Offered MESSAGE rates per second, comma-separated, lowest first.")
    var rates = "25,50,100,200,300,400,600,800"

    @Option(help: "Seconds each rate is offered.")
    var secondsPerRate: Double = 8

    @Option(help: "Seconds after sending during which fan-out still counts as delivered.")
    var grace: Double = 2

    @Option(help: "Room members, owner included; each MESSAGE fans out to all but its sender.")
    var members = 100

    @Option(help: "Consecutive rates not kept up after which a server's higher rates are skipped.")
    var stopAfterFailures = 2

    @Option(help: "Servers to measure, comma-separated: kamailio, parley.")
    var servers = "kamailio,parley"

    @Option(help: "The kamailio executable (default: found on PATH or in /usr/sbin).")
    var kamailio: String?

    @Option(help: "Kamailio UDP worker processes (children=).")
    var kamailioChildren = 2

    @Option(help: "Kamailio shared memory in MB (-m); tm keeps finished transactions 5 s.")
    var kamailioSharedMemory = 3072

    @Option(help: "The parley-imc executable (default: beside parley-bench).")
    var parleyIMC: String?

    @Option(help: "The sipp executable (default: found on PATH).")
    var sipp: String?

    @Flag(help: "Keep the temporary folder (configurations, logs, SIPp output).")
    var keepFiles = false

    func validate() throws {
        guard parsedRates != nil else { throw ValidationError("--rates needs positive integers separated by commas") }
        guard secondsPerRate >= 1 else { throw ValidationError("--seconds-per-rate must be at least 1") }
        guard grace > 0 else { throw ValidationError("--grace must be positive") }
        guard members >= 2 else { throw ValidationError("--members must be at least 2") }
        guard stopAfterFailures >= 1 else { throw ValidationError("--stop-after-failures must be at least 1") }
        guard !serverNames.isEmpty, serverNames.allSatisfy({ ["kamailio", "parley"].contains($0) }) else {
            throw ValidationError("--servers takes kamailio and/or parley")
        }
    }

    private var parsedRates: [Int]? {
        let values = rates.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ ($0 ?? 0) > 0 }) else { return nil }
        return values.compactMap { $0 }.sorted()
    }

    private var serverNames: [String] {
        servers.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    func run() throws {
        guard let sippPath = sipp ?? ExecutableSearch.find("sipp") else {
            print("sipp not found: apt-get install -y sip-tester")
            throw ExitCode.failure
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-imc-fanout-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer {
            if keepFiles { print("files kept in \(directory.path)") } else { try? FileManager.default.removeItem(at: directory) }
        }
        let sink = try FanoutSink()
        defer { sink.stop() }
        let measurement = IMCFanoutMeasurement(
            sink: sink, sipp: SIPpDriver(executable: sippPath, directory: directory, room: "chat-1"),
            members: members, rates: parsedRates ?? [], secondsPerRate: secondsPerRate, grace: .seconds(grace),
            stopAfterFailures: stopAfterFailures)
        print("sink on udp:127.0.0.1:\(sink.port); room chat-1 of \(members); rates \(rates) MESSAGE/s, "
            + "\(secondsPerRate) s each, \(grace) s grace")

        var summaries: [String: FanoutServerSummary] = [:]
        for name in serverNames {
            guard let server = try start(name, directory: directory, sinkPort: sink.port) else { continue }
            defer { server.stop() }
            do {
                try server.waitUntilAnswering()
                summaries[name] = try measurement.measure(server)
            } catch {
                // One server failing to come up or to fill its room must not hide the other's figures.
                print("\(name) not measured: \(error)")
            }
        }
        print(report(summaries).line)
    }

    /// Starts the named server, or says why it cannot and returns `nil` (Kamailio not installed).
    private func start(_ name: String, directory: URL, sinkPort: Int) throws -> IMCServerUnderTest? {
        let port = try LoopbackUDPSocket.freePort()
        if name == "kamailio" {
            guard let path = kamailio ?? ExecutableSearch.find("kamailio") else {
                print("kamailio not installed (apt-get install -y kamailio): measuring parley-imc only")
                return nil
            }
            return try IMCServerUnderTest.kamailio(
                executable: path, directory: directory, port: port, sinkPort: sinkPort, children: kamailioChildren,
                sharedMemoryMB: kamailioSharedMemory)
        }
        guard let path = parleyIMC ?? ExecutableSearch.besideThisExecutable("parley-imc") else {
            print("parley-imc not found beside parley-bench: swift build -c release --product parley-imc")
            throw ExitCode.failure
        }
        return try IMCServerUnderTest.parleyIMC(executable: path, directory: directory, port: port, sinkPort: sinkPort)
    }

    /// `<server>_peak_fanout_per_s`, `<server>_knee_rate`, `<server>_max_retransmission_ratio`
    /// for each server measured, and `ratio` (parley over Kamailio) when both were.
    private func report(_ summaries: [String: FanoutServerSummary]) -> BenchmarkReport {
        var report = BenchmarkReport()
        for name in ["kamailio", "parley"] {
            guard let summary = summaries[name] else { continue }
            report.add("\(name)_peak_fanout_per_s", perSecond: summary.peakPerSecond)
        }
        if let kamailio = summaries["kamailio"], let parley = summaries["parley"], kamailio.peakPerSecond > 0 {
            report.add("ratio", ratio: parley.peakPerSecond / kamailio.peakPerSecond)
        }
        for name in ["kamailio", "parley"] {
            guard let summary = summaries[name] else { continue }
            report.add("\(name)_knee_rate", perSecond: Double(summary.kneeRate))
        }
        for name in ["kamailio", "parley"] {
            guard let summary = summaries[name] else { continue }
            report.add("\(name)_max_retransmission_ratio", ratio: summary.maximumRetransmissionShare)
        }
        return report
    }
}
