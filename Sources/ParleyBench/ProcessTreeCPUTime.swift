import Foundation

/// CPU time (user + system) of a server process and its direct children, read from
/// `/proc/PID/stat` (proc(5) fields 14 and 15): Kamailio's work is done in the children its
/// main process forks; parley-imc's in the threads of one process, which its own line sums.
enum ProcessTreeCPUTime {
    private static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// Seconds of CPU used so far by `pid` and the processes whose parent it is.
    static func seconds(root pid: Int32) -> Double {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var ticks = 0
        for entry in entries {
            guard let candidate = Int32(entry), let stat = fields(of: candidate) else { continue }
            // Fields after "pid (comm)": [0] state, [1] ppid, … [11] utime, [12] stime.
            if candidate == pid || Int32(stat[1]) == pid {
                ticks += (Int(stat[11]) ?? 0) + (Int(stat[12]) ?? 0)
            }
        }
        return Double(ticks) / ticksPerSecond
    }

    /// The fields of `/proc/PID/stat` after the command name (which may hold spaces and parentheses).
    private static func fields(of pid: Int32) -> [Substring]? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        return fields.count > 12 ? fields : nil
    }
}
