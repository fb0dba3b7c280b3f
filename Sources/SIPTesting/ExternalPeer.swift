import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program outside this package that a black-box test talks to (SIPp, baresip, sipsak, …),
/// found on `PATH` and run as a ``PeerProcess``.
///
/// A missing program is a failure with a message saying what to install, never a silent pass:
/// a test that quietly skips its peer proves nothing.
public struct ExternalPeer: Sendable {
    /// What a run of the program ended with.
    public typealias Outcome = PeerProcess.Outcome

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

    /// Runs the program with `arguments` to completion, stopping it after `limit`; the wait
    /// leaves the cooperative threads free.
    public func run(_ arguments: [String], within limit: Duration, workingDirectory: String? = nil) async throws -> Outcome {
        try await PeerProcess.run(executableURL.path, arguments, workingDirectory: workingDirectory, within: limit)
    }

    /// Starts the program with `arguments` and returns it running, its output in `logPath` (a
    /// temporary file when `nil`); it is stopped when the returned object goes away.
    public func start(_ arguments: [String], workingDirectory: String? = nil, logPath: String? = nil) throws -> PeerProcess {
        try PeerProcess(executableURL.path, arguments, workingDirectory: workingDirectory, logPath: logPath)
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

    /// Whether some socket is bound to `udpPort` on 127.0.0.1 or on every address, read from
    /// `/proc/net/udp` so that looking does not take the port away from the peer that binds it.
    public static func isListening(udpPort: Int) -> Bool {
        // Read to the end: /proc hands the table out a page per read, and a single read (a file
        // size of 0 as the hint) would miss the sockets past the first page on a busy machine.
        guard let data = FileHandle(forReadingAtPath: "/proc/net/udp")?.readDataToEndOfFile() else { return false }
        let table = String(decoding: data, as: UTF8.self)
        let suffix = ":" + String(format: "%04X", udpPort)
        return table.split(separator: "\n").dropFirst().contains { line in
            guard let local = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first else { return false }
            return local == "0100007F\(suffix)" || local == "00000000\(suffix)"
        }
    }

    /// Waits until `process` listens on `udpPort` (a request sent before it binds is refused by
    /// the kernel); fails early when it exits.
    public static func waitUntilListening(_ process: PeerProcess, udpPort: Int, within limit: Duration = .seconds(10)) async throws {
        try await eventually(
            "\(process.name) to listen on udp:127.0.0.1:\(udpPort)", within: limit,
            detail: { "printed:\n\(process.outputTail())" }
        ) {
            if let status = process.exitStatus {
                throw TestSocketError("\(process.name) exited with status \(status) before listening on \(udpPort):\n\(process.outputTail())")
            }
            return isListening(udpPort: udpPort)
        }
    }

    private static func canBindTCP(host: String, port: Int) throws -> Bool {
        let descriptor = socket(host.contains(":") ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket() failed: errno \(errno)") }
        defer { close(descriptor) }
        let address = try SocketAddressStorage(host: host, port: port)
        return address.withSockaddr { bind(descriptor, $0, $1) } == 0
    }
}
