import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program outside this package that a black-box test talks to (SIPp, baresip, sipsak, …),
/// found on `PATH` and run to completion.
///
/// A missing program is a failure with a message saying what to install, never a silent pass:
/// a test that quietly skips its peer proves nothing.
public struct ExternalPeer: Sendable {
    /// What a run of the program ended with.
    public struct Outcome: Sendable {
        /// The exit status; meaningful only when the program was not stopped for ``timedOut``.
        public let exitStatus: Int32
        /// Whether the program outlived its time limit and was stopped with SIGTERM.
        public let timedOut: Bool
        /// Everything it printed on standard output and standard error, interleaved.
        public let output: String
    }

    /// A peer that could not be found or not be run.
    public struct Failure: Error, CustomStringConvertible {
        /// What went wrong and how to put it right.
        public let description: String
    }

    /// The program's name, as looked up on `PATH`.
    public let name: String
    /// Where it was found.
    public let executableURL: URL

    /// Finds `name` in the folders of `searchPath` (a `PATH`-style, colon-separated list).
    ///
    /// - Parameters:
    ///   - name: The program, for example `sipp`.
    ///   - installHint: What to do when it is missing, quoted in the failure, for example
    ///     "run Scripts/test.sh, which installs sip-tester".
    ///   - searchPath: The folders to look in; the process's `PATH` by default.
    /// - Throws: ``Failure`` naming the program, the folders searched and `installHint`.
    public init(
        named name: String, installHint: String,
        searchPath: String = ProcessInfo.processInfo.environment["PATH"] ?? ""
    ) throws {
        let folders = searchPath.split(separator: ":").map(String.init)
        let candidates = folders.map { URL(fileURLWithPath: $0).appendingPathComponent(name) }
        guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
            throw Failure(description: "\(name) not installed (not on PATH \(searchPath)): \(installHint)")
        }
        self.name = name
        executableURL = found
    }

    /// Runs the program with `arguments` and waits for it, stopping it after `timeout`.
    ///
    /// Output goes to a temporary file rather than a pipe, so a chatty program never blocks on a
    /// full pipe while this call waits for it to exit.
    public func run(_ arguments: [String], timeout: Duration) throws -> Outcome {
        let outputURL = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(name)-output-\(UUID().uuidString).txt")
        guard FileManager.default.createFile(atPath: outputURL.path, contents: nil),
              let outputHandle = try? FileHandle(forWritingTo: outputURL) else {
            throw Failure(description: "cannot create \(outputURL.path) for \(name)'s output")
        }
        defer { try? FileManager.default.removeItem(at: outputURL) }
        let process = Process()
        process.executableURL = executableURL
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outputHandle
        process.standardError = outputHandle
        try process.run()
        try? outputHandle.close()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.02)
        }
        let timedOut = process.isRunning
        if timedOut { process.terminate() }
        process.waitUntilExit()
        let output = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
        return Outcome(exitStatus: process.terminationStatus, timedOut: timedOut, output: output)
    }

    /// A port that is free on `host` for both UDP and TCP at the time of the call, for a peer
    /// that must be told its port on the command line (SIPp's `-p`) and cannot take port 0.
    ///
    /// The port is found by binding a UDP socket to port 0 and then a TCP socket to the port the
    /// system chose; both are closed before returning, so another process could still take it
    /// in between — rare enough on loopback that tests retry nothing.
    public static func freePort(host: String = "127.0.0.1") throws -> Int {
        for _ in 0..<20 {
            let udp = try TestUDPSocket(host: host, port: 0)
            if try canBindTCP(host: host, port: udp.port) { return udp.port }
        }
        throw Failure(description: "no port free for both UDP and TCP on \(host) after 20 tries")
    }

    private static func canBindTCP(host: String, port: Int) throws -> Bool {
        let descriptor = socket(host.contains(":") ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket() failed: errno \(errno)") }
        defer { close(descriptor) }
        let address = try SocketAddressStorage(host: host, port: port)
        return address.withSockaddr { bind(descriptor, $0, $1) } == 0
    }
}
