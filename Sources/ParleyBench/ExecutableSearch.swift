import Foundation

/// Finds the external programs the fan-out benchmark runs.
enum ExecutableSearch {
    /// The first executable `name` in `PATH` or the sbin folders (Kamailio lives in /usr/sbin,
    /// which an unprivileged `PATH` often lacks).
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/local/sbin", "/sbin"]
        return folders.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `name` in the folder of the running executable: `parley-imc` built beside `parley-bench`.
    static func besideThisExecutable(_ name: String) -> String? {
        guard let this = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        let candidate = URL(fileURLWithPath: this).deletingLastPathComponent().appendingPathComponent(name).path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }
}
