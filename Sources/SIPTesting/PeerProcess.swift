import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A program run as a child process for a test — a real peer (SIPp, baresip, Kamailio, curl,
/// Python, psql) or one of this package's executables — and the one way the tests start one.
///
/// It is spawned with `posix_spawn` in a process group of its own, with standard input from
/// `/dev/null` and standard output and error, interleaved, in a log file (a chatty child never
/// blocks on a full pipe, and the log stays readable after it exits). A thread of its own reaps it
/// with a blocking `waitpid`, so neither a wait for its exit nor its end depends on a signal
/// handler or on Swift's cooperative threads; waits from async code poll with `eventually`.
///
/// Why not swift-subprocess or Foundation's `Process`: both are driven from the cooperative pool or a
/// Dispatch signal source. The tests have synchronous callers too (``PostgresTestServer/start()``),
/// and a synchronous caller that blocks a cooperative thread until an async-only spawner finishes
/// deadlocks once the tests running alongside hold the other thread: measured on this two-core
/// machine, four such callers of swift-subprocess 1.0.2 in parallel all got no exit status within
/// 10 s (while 120 async spawns in six parallel tests finished in 0.2 s once the pool was free).
/// `Process.waitUntilExit()` hung the same way. This spawner serves both kinds of caller.
///
/// The process is stopped when the object goes away (``stop(grace:)``).
public final class PeerProcess: Sendable {
    /// What a run to completion ended with.
    public struct Outcome: Sendable {
        /// The exit status; 128 + the signal number when a signal ended the program.
        public let exitStatus: Int32
        /// Whether the program outlived its time limit and was stopped.
        public let timedOut: Bool
        /// Everything it printed on standard output and standard error, interleaved.
        public let output: String

        /// Creates an outcome.
        public init(exitStatus: Int32, timedOut: Bool, output: String) {
            self.exitStatus = exitStatus
            self.timedOut = timedOut
            self.output = output
        }
    }

    /// A program that could not be started.
    public struct SpawnError: Error, CustomStringConvertible {
        /// The program and what failed.
        public let description: String
    }

    /// The program's file name, for messages.
    public let name: String
    /// The process id, also the id of its process group.
    public let processID: pid_t
    /// Where its standard output and error go.
    public let logPath: String
    private let removesLog: Bool
    private let exit = Exit()

    /// Starts `executable` (an absolute path) with `arguments`.
    ///
    /// - Parameters:
    ///   - workingDirectory: The child's current directory; the test's own when `nil`.
    ///   - logPath: The file that receives its output (truncated first); a temporary file removed
    ///     with this object when `nil`.
    public init(
        _ executable: String, _ arguments: [String], workingDirectory: String? = nil, logPath: String? = nil
    ) throws {
        name = (executable as NSString).lastPathComponent
        if let logPath {
            self.logPath = logPath
            removesLog = false
        } else {
            self.logPath = FileManager.default.temporaryDirectory
                .appendingPathComponent("\(name)-\(UUID().uuidString).log").path
            removesLog = true
        }
        processID = try Self.spawn(executable, arguments, workingDirectory: workingDirectory, logPath: self.logPath)
        let exit = self.exit
        let processID = self.processID
        let reaper = Thread {
            var status: Int32 = 0
            while waitpid(processID, &status, 0) == -1 && errno == EINTR {}
            // <sys/wait.h>: the low 7 bits are the terminating signal, bits 8-15 the exit code.
            let signal = status & 0x7F
            exit.record(signal == 0 ? (status >> 8) & 0xFF : 128 + signal)
        }
        reaper.name = "reaper-\(name)-\(processID)"
        reaper.start()
    }

    deinit {
        stop()
        if removesLog { try? FileManager.default.removeItem(atPath: logPath) }
    }

    /// The exit status once the process has ended and been reaped; `nil` while it runs.
    public var exitStatus: Int32? { exit.status }

    /// Whether the process is still running.
    public var isRunning: Bool { exit.status == nil }

    /// Everything it printed so far.
    public var output: String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }

    /// The last `count` lines of its output, for failure messages.
    public func outputTail(_ count: Int = 40) -> String {
        output.split(separator: "\n", omittingEmptySubsequences: false).suffix(count).joined(separator: "\n")
    }

    /// Waits until its output has a line (ended by a newline or carriage return) containing `text`,
    /// and returns that line.
    ///
    /// - Throws: ``WaitTimeout`` with the output so far, also as soon as the process has exited
    ///   without printing it.
    public func waitForLine(containing text: String, within limit: Duration = .seconds(20)) async throws -> String {
        var exited = false
        let line: String = try await eventuallyValue("\(name) to print a line with '\(text)'", within: limit, detail: {
            "\(self.name) \(exited ? "exited with status \(self.exitStatus ?? -1)" : "still runs"); printed:\n\(self.output)"
        }) {
            // Read the exit status first: output printed before the exit is then all in the file.
            let hasExited = exitStatus != nil
            if let line = output.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first(where: { $0.contains(text) }) {
                return String(line)
            }
            if hasExited {
                exited = true
                throw WaitTimeout(
                    awaited: "\(name) to print a line with '\(text)'", limit: limit,
                    detail: "\(name) exited with status \(exitStatus ?? -1) without it; printed:\n\(output)")
            }
            return nil
        }
        return line
    }

    /// Waits until the process has ended, and returns its exit status.
    ///
    /// - Throws: ``WaitTimeout`` with the tail of its output when it still runs after `limit`.
    @discardableResult
    public func waitForExit(within limit: Duration = .seconds(10)) async throws -> Int32 {
        try await eventuallyValue("\(name) (pid \(processID)) to exit", within: limit, detail: { "printed:\n\(self.outputTail())" }) {
            exitStatus
        }
    }

    /// Blocks the calling thread until the process has ended or `limit` has passed; the exit
    /// status, or `nil` if it still runs. For synchronous callers only: async code uses
    /// ``waitForExit(within:)``, which leaves the thread to other tasks.
    public func blockingWaitForExit(within limit: Duration) -> Int32? {
        exit.wait(within: limit)
    }

    /// Sends `signal` to the process's group (the process and any children it started).
    public func signal(_ signal: Int32) {
        if isRunning { kill(-processID, signal) }
    }

    /// Ends the process if it still runs: SIGTERM to its group, then SIGKILL when it is still there
    /// after `grace`, and waits until it is reaped, so a peer that ignores SIGTERM cannot outlive its
    /// test. Children it left in its group are killed too.
    public func stop(grace: Duration = .seconds(2)) {
        if isRunning {
            kill(-processID, SIGTERM)
            if exit.wait(within: grace) == nil {
                kill(-processID, SIGKILL)
                _ = exit.wait(within: .seconds(10))
            }
        }
        // Workers a server forked and failed to stop would keep its ports: they share its group.
        kill(-processID, SIGKILL)
    }

    /// Ends the process at once with SIGKILL, as a crash would, and waits until it is reaped.
    public func crash() {
        guard isRunning else { return }
        kill(-processID, SIGKILL)
        _ = exit.wait(within: .seconds(10))
    }

    /// Waits until the process has ended, stopping it (``stop(grace:)``) when it still runs after
    /// `limit`, and returns how it ended.
    public func finish(within limit: Duration) async -> Outcome {
        let status = try? await waitForExit(within: limit)
        if status == nil { stop() }
        return Outcome(exitStatus: status ?? exitStatus ?? -1, timedOut: status == nil, output: output)
    }

    /// Runs `executable` to completion and returns its outcome; stops it when it outlives `limit`.
    /// Waits leave the cooperative threads free.
    public static func run(
        _ executable: String, _ arguments: [String], workingDirectory: String? = nil, within limit: Duration
    ) async throws -> Outcome {
        await (try PeerProcess(executable, arguments, workingDirectory: workingDirectory)).finish(within: limit)
    }

    /// ``run(_:_:workingDirectory:within:)`` for synchronous callers: blocks the calling thread.
    public static func blockingRun(
        _ executable: String, _ arguments: [String], workingDirectory: String? = nil, within limit: Duration
    ) throws -> Outcome {
        let process = try PeerProcess(executable, arguments, workingDirectory: workingDirectory)
        let status = process.blockingWaitForExit(within: limit)
        if status == nil { process.stop() }
        return Outcome(exitStatus: status ?? process.exitStatus ?? -1, timedOut: status == nil, output: process.output)
    }

    // MARK: - Spawning

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` and `_addchdir_np` (2.34, 2.29): GNU
    /// extensions the Glibc module does not show, looked up once.
    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
    private typealias ChangeDirectory = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private static let closeFrom: CloseFrom? = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np")
        .map { unsafeBitCast($0, to: CloseFrom.self) }
    private static let changeDirectory: ChangeDirectory? = dlsym(nil, "posix_spawn_file_actions_addchdir_np")
        .map { unsafeBitCast($0, to: ChangeDirectory.self) }

    private static func spawn(_ executable: String, _ arguments: [String], workingDirectory: String?, logPath: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Without this the child would inherit every socket the test process holds that is not
        // close-on-exec (oRTP's, for one) and keep its port bound after the test closed it.
        if let closeFrom { _ = closeFrom(&actions, 3) }
        if let workingDirectory {
            guard let changeDirectory else {
                throw SpawnError(description: "\(executable): this C library cannot set a child's directory")
            }
            _ = changeDirectory(&actions, workingDirectory)
        }

        // A group of its own, so that stopping a peer's children can never signal the test runner.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var processID: pid_t = 0
        let spawned = posix_spawn(&processID, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw SpawnError(description: "\(executable): posix_spawn: \(String(cString: strerror(spawned)))")
        }
        return processID
    }
}

/// The exit status a reaper thread records, and the waits for it.
private final class Exit: Sendable {
    private let recorded = Mutex<Int32?>(nil)
    // Only wakes blocking waiters; the status itself lives in `recorded`.
    private let condition = NSCondition()

    var status: Int32? { recorded.withLock { $0 } }

    func record(_ status: Int32) {
        condition.lock()
        recorded.withLock { $0 = status }
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until the status is recorded or `limit` has passed.
    func wait(within limit: Duration) -> Int32? {
        let deadline = Date().addingTimeInterval(Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18)
        condition.lock()
        defer { condition.unlock() }
        while status == nil, condition.wait(until: deadline) {}
        return status
    }
}
