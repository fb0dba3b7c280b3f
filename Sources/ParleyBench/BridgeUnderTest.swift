import Foundation

/// `parley-bridge` started by the calls benchmark: G.711 only, direct room access for request-URI
/// users `conf<room>`, calls answered on the ports of `rtpPorts`, and its log, database and
/// configuration in the benchmark's temporary folder.
struct BridgeUnderTest {
    /// Why the bridge did not come up.
    struct StartError: Error, CustomStringConvertible {
        /// What happened and the end of the bridge's output.
        let description: String
    }

    /// The request-URI user prefix that takes a caller straight into the room named by the rest
    /// (`direct_room_re` and `direct_room_strip`, Docs/Bridge.md), so no caller waits for the PIN IVR.
    static let directRoomPrefix = "conf"

    /// Its SIP port on 127.0.0.1 (UDP).
    let sipPort: Int
    /// Its XML-RPC port on 127.0.0.1.
    let xmlrpcPort: Int
    /// The running bridge.
    let process: ChildProcess
    /// Where its standard output and error go.
    let logPath: String

    /// Writes the configuration and starts `executable`; returns once the bridge has announced its
    /// SIP listener.
    ///
    /// Rooms mix at `roomRate` (8000 keeps a G.711 room free of resampling, 16000 is the bridge's
    /// default); `ignore-pin` lets the benchmark read any room over XML-RPC without its admin PIN.
    /// Logging is at `warning`, so that two log lines per call do not become the bottleneck.
    /// `realtimeMedia` sets `media.realtime-priority`.
    static func start(
        executable: String, directory: URL, rtpPorts: ClosedRange<Int>, roomRate: Int, realtimeMedia: Bool
    ) throws -> BridgeUnderTest {
        let sipPort = try LoopbackUDPSocket.freePort()
        let xmlrpcPort = try LoopbackUDPSocket.freePort()
        let configuration = """
            sip:
              listen: ["udp:127.0.0.1:\(sipPort)"]
            rtp:
              ports: "\(rtpPorts.lowerBound)-\(rtpPorts.upperBound)"
            media:
              codecs: [pcmu]
              room-rate: \(roomRate)
              realtime-priority: \(realtimeMedia)
            database: \(directory.appendingPathComponent("bridge.sqlite").path)
            xmlrpc:
              listen: 127.0.0.1:\(xmlrpcPort)
            log-level: warning
            dial-in:
              direct-room-pattern: "^\(directRoomPrefix)"
              direct-room-strip: \(directRoomPrefix.count)
            rooms:
              ignore-pin: true

            """
        let configurationURL = directory.appendingPathComponent("parley-bridge.yaml")
        try configuration.write(to: configurationURL, atomically: true, encoding: .utf8)
        let logPath = directory.appendingPathComponent("parley-bridge.log").path
        let process = try ChildProcess(executable, ["--config", configurationURL.path], outputPath: logPath)
        let bridge = BridgeUnderTest(sipPort: sipPort, xmlrpcPort: xmlrpcPort, process: process, logPath: logPath)
        try bridge.waitUntilListening()
        return bridge
    }

    /// CPU seconds the bridge has used so far (all its threads).
    var cpuSeconds: Double { ProcessTreeCPUTime.seconds(root: process.pid) }

    /// Stops the bridge: SIGTERM (it hangs up what is left and saves its statistics), then SIGKILL.
    func stop() {
        process.terminate(grace: .seconds(10))
    }

    /// The last lines the bridge printed, for error messages.
    var logTail: String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(15).joined(separator: "\n")
    }

    /// Waits for `parley-bridge listening on udp:…`, the line the bridge prints once its SIP socket
    /// is bound (Docs/Bridge.md).
    private func waitUntilListening(timeout: Duration = .seconds(30)) throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            guard process.isRunning() else { throw StartError(description: "parley-bridge exited while starting:\n\(logTail)") }
            let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
            if text.contains("parley-bridge listening on udp:127.0.0.1:\(sipPort)") { return }
            usleep(50_000)
        }
        throw StartError(description: "parley-bridge did not listen on 127.0.0.1:\(sipPort) within \(timeout):\n\(logTail)")
    }
}
