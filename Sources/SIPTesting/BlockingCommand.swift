#if canImport(Glibc)
import Glibc
#endif

/// Runs a program to completion and returns what it printed, with `posix_spawn` and `waitpid`.
///
/// Foundation's `Process.waitUntilExit()` relies on a libdispatch SIGCHLD handler; when tests
/// running in parallel occupy every cooperative thread with such waits, that handler never runs
/// and the waits never end (seen on a 2-core machine). This runner depends on nothing but the
/// kernel: the child's output goes through a close-on-exec socket pair (so no other child inherits it)
/// that is read to its end, and the child is then reaped directly.
public enum BlockingCommand {
    /// How a program ended.
    public struct Outcome: Sendable {
        /// The exit status (128 + signal number if a signal ended it).
        public let status: Int32
        /// Standard output and standard error, interleaved.
        public let output: String
    }

    /// Why a program could not be started.
    public struct SpawnError: Error, CustomStringConvertible {
        /// The program and the `errno` text.
        public let description: String
    }

    /// Runs `executable` (an absolute path) with `arguments` and standard input from /dev/null.
    public static func run(_ executable: String, _ arguments: [String]) throws -> Outcome {
        // A socket pair rather than pipe(): only socketpair takes close-on-exec atomically here
        // (pipe2 is not visible to Swift), and a non-atomic flag could leak into a concurrent spawn.
        var ends: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw SpawnError(description: "\(executable): socketpair: \(String(cString: strerror(errno)))")
        }
        let (readEnd, writeEnd) = (ends[0], ends[1])

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(writeEnd)
        guard spawned == 0 else {
            close(readEnd)
            throw SpawnError(description: "\(executable): posix_spawn: \(String(cString: strerror(spawned)))")
        }

        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if count > 0 {
                output += buffer[0..<count]
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        close(readEnd)

        var waitStatus: Int32 = 0
        while waitpid(pid, &waitStatus, 0) == -1 && errno == EINTR {}
        // <sys/wait.h> macros: low 7 bits are the terminating signal, bits 8-15 the exit code.
        let signal = waitStatus & 0x7F
        let status = signal == 0 ? (waitStatus >> 8) & 0xFF : 128 + signal
        return Outcome(status: status, output: String(decoding: output, as: UTF8.self))
    }
}
