import Foundation

/// One IM conferencing server the fan-out benchmark loads: a child process listening for SIP on
/// 127.0.0.1:`port`, sending its fan-out to the sink.
struct IMCServerUnderTest: Sendable {
    /// Why a server did not come up.
    struct StartError: Error, CustomStringConvertible {
        /// What happened and the end of the server's output.
        let description: String
    }

    /// `kamailio` or `parley`, the prefix of its keys in the final line.
    let name: String
    /// Its SIP port on 127.0.0.1 (UDP).
    let port: Int
    /// The running server.
    let process: ChildProcess
    /// Where its standard output and error go.
    let logPath: String

    /// CPU seconds the server has used so far, children included.
    var cpuSeconds: Double { ProcessTreeCPUTime.seconds(root: process.pid) }

    /// Sends OPTIONS until any answer comes back (a server answers once its socket is read).
    func waitUntilAnswering(timeout: Duration = .seconds(20)) throws {
        let probe = try LoopbackUDPSocket(receiveTimeout: .milliseconds(200))
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 65_536, alignment: 8)
        defer { buffer.deallocate() }
        let deadline = ContinuousClock.now + timeout
        var attempt = 0
        while ContinuousClock.now < deadline {
            guard process.isRunning() else { throw StartError(description: "\(name) exited while starting:\n\(logTail)") }
            attempt += 1
            probe.send(Array(options(attempt: attempt, from: probe.port).utf8), toPort: port)
            if probe.receive(into: buffer) != nil { return }
        }
        throw StartError(description: "\(name) did not answer OPTIONS on 127.0.0.1:\(port) within \(timeout):\n\(logTail)")
    }

    /// Stops the server (SIGTERM, then SIGKILL after 30 s: a server run under callgrind needs
    /// that long to shut down and write its profile).
    func stop() {
        process.terminate(grace: .seconds(30))
    }

    /// The last lines the server printed, for error messages.
    var logTail: String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(15).joined(separator: "\n")
    }

    private func options(attempt: Int, from localPort: Int) -> String {
        [
            "OPTIONS sip:probe@127.0.0.1:\(port) SIP/2.0",
            "Via: SIP/2.0/UDP 127.0.0.1:\(localPort);branch=z9hG4bK-fanout-probe-\(attempt);rport",
            "Max-Forwards: 70",
            "From: <sip:probe@127.0.0.1>;tag=probe",
            "To: <sip:probe@127.0.0.1>",
            "Call-ID: fanout-probe-\(attempt)@127.0.0.1",
            "CSeq: \(attempt) OPTIONS",
            "Content-Length: 0",
            "", "",
        ].joined(separator: "\r\n")
    }
}
