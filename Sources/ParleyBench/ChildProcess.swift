#if canImport(Glibc)
import Glibc
#endif

/// A program the fan-out benchmark starts (Kamailio, parley-imc, SIPp), spawned with
/// `posix_spawn` with its output in a file and reaped with `waitpid`: the bench runs no event
/// loop, so Foundation's `Process` (which needs one for its SIGCHLD handling) is not used.
struct ChildProcess: Sendable {
    /// Why a program could not be started.
    struct SpawnError: Error, CustomStringConvertible {
        /// The program and the `errno` text.
        let description: String
    }

    /// The child's process id.
    let pid: pid_t
    /// The program, for messages.
    let executable: String

    /// Starts `executable` (an absolute path) with `arguments`, standard input from /dev/null and
    /// standard output and error appended to `outputPath`.
    init(_ executable: String, _ arguments: [String], outputPath: String) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard spawned == 0 else {
            throw SpawnError(description: "\(executable): posix_spawn: \(String(cString: strerror(spawned)))")
        }
        self.pid = pid
        self.executable = executable
    }

    /// Whether the child has not exited yet (it is reaped if it has).
    func isRunning() -> Bool {
        var status: Int32 = 0
        return waitpid(pid, &status, WNOHANG) == 0
    }

    /// Waits for the child to exit; returns its exit status (128 + signal if a signal ended it).
    @discardableResult
    func waitForExit() -> Int32 {
        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) == -1 && errno == EINTR {}
        // <sys/wait.h>: the low 7 bits are the terminating signal, bits 8-15 the exit code.
        let signal = waitStatus & 0x7F
        return signal == 0 ? (waitStatus >> 8) & 0xFF : 128 + signal
    }

    /// Sends SIGTERM, then SIGKILL if the child is still there after `grace`, and reaps it.
    func terminate(grace: Duration = .seconds(5)) {
        kill(pid, SIGTERM)
        let deadline = ContinuousClock.now + grace
        var status: Int32 = 0
        while ContinuousClock.now < deadline {
            if waitpid(pid, &status, WNOHANG) != 0 { return }
            usleep(50_000)
        }
        kill(pid, SIGKILL)
        waitForExit()
    }
}
