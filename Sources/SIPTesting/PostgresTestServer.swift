import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A throw-away PostgreSQL cluster for one test run: `initdb` in a temporary folder, `pg_ctl start`
/// on a free port of 127.0.0.1 with trust authentication for user `parley`; stopped and deleted by
/// ``stop()`` or when the object goes away.
///
/// The server refuses to run as root, so when the tests run as root the cluster belongs to the
/// `postgres` user (`runuser`), as the Debian package sets it up. Needs the Debian package
/// `postgresql`; without it ``start()`` throws a ``StartError`` saying so.
public final class PostgresTestServer: Sendable {
    /// Why the server could not be started.
    public struct StartError: Error, CustomStringConvertible {
        /// What failed, with the commands' output.
        public let description: String

        /// Creates an error saying what failed.
        public init(description: String) {
            self.description = description
        }
    }

    /// The user that may log in without a password.
    public let username = "parley"
    /// The TCP port on 127.0.0.1.
    public let port: Int
    private let directory: URL
    private let binDirectory: URL
    private let runsAsPostgresUser: Bool

    /// Creates and starts a cluster; takes about a second.
    public static func start() throws -> PostgresTestServer {
        guard let binDirectory = installedBinDirectory() else {
            throw StartError(description: """
                PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): \
                install the Debian package postgresql (Scripts/install-dependencies.sh test)
                """)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
        let runsAsPostgresUser = geteuid() == 0
        do {
            if runsAsPostgresUser {
                try FileManager.default.setAttributes([.ownerAccountName: "postgres"], ofItemAtPath: directory.path)
            }
            try runTool(binDirectory, "initdb", asPostgresUser: runsAsPostgresUser, [
                "-D", directory.appendingPathComponent("data").path, "--auth=trust", "--username=parley",
                "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions",
            ])
            var lastFailure: (any Error)?
            for _ in 0..<3 {
                let port = try freeTCPPort()
                do {
                    try runTool(binDirectory, "pg_ctl", asPostgresUser: runsAsPostgresUser, [
                        "-D", directory.appendingPathComponent("data").path,
                        "-o", "-k \(directory.path) -p \(port) -c listen_addresses=127.0.0.1",
                        "-l", directory.appendingPathComponent("log").path, "-w", "start",
                    ])
                    return PostgresTestServer(
                        port: port, directory: directory, binDirectory: binDirectory,
                        runsAsPostgresUser: runsAsPostgresUser
                    )
                } catch {
                    // Another process may have taken the port between the probe and the start.
                    lastFailure = error
                }
            }
            throw lastFailure ?? StartError(description: "pg_ctl start failed")
        } catch {
            let log = (try? String(contentsOf: directory.appendingPathComponent("log"), encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(at: directory)
            throw StartError(description: "PostgreSQL test server did not start: \(error)\n\(log)")
        }
    }

    private init(port: Int, directory: URL, binDirectory: URL, runsAsPostgresUser: Bool) {
        self.port = port
        self.directory = directory
        self.binDirectory = binDirectory
        self.runsAsPostgresUser = runsAsPostgresUser
    }

    deinit { stop() }

    /// `postgres://parley@127.0.0.1:<port>/<database>?sslmode=disable`.
    public func url(database: String = "postgres") -> String {
        "postgres://\(username)@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    /// Creates an empty database.
    public func createDatabase(_ name: String) throws {
        try runSQL("CREATE DATABASE \"\(name)\"", database: "postgres")
    }

    /// Runs SQL text (several statements allowed) with `psql`, stopping at the first error.
    @discardableResult
    public func runSQL(_ sql: String, database: String) throws -> String {
        try Self.run(binDirectory.appendingPathComponent("psql"), [
            "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", "\(port)",
            "-U", username, "-d", database, "-c", sql,
        ])
    }

    /// Runs an SQL file (e.g. Kamailio's `imc-create.sql`) with `psql`, stopping at the first error.
    public func runSQLFile(_ path: String, database: String) throws {
        try Self.run(binDirectory.appendingPathComponent("psql"), [
            "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", "\(port)",
            "-U", username, "-d", database, "-f", path,
        ])
    }

    /// Stops the server (fast shutdown) and deletes its folder; does nothing the second time.
    public func stop() {
        let data = directory.appendingPathComponent("data")
        guard FileManager.default.fileExists(atPath: data.path) else { return }
        _ = try? Self.runTool(binDirectory, "pg_ctl", asPostgresUser: runsAsPostgresUser, ["-D", data.path, "-m", "fast", "-w", "stop"])
        try? FileManager.default.removeItem(at: directory)
    }

    /// The newest `/usr/lib/postgresql/<version>/bin` that has `initdb`.
    private static func installedBinDirectory() -> URL? {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return versions.compactMap(Int.init).sorted().reversed()
            .map { root.appendingPathComponent("\($0)/bin") }
            .first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("initdb").path) }
    }

    @discardableResult
    private static func runTool(_ binDirectory: URL, _ tool: String, asPostgresUser: Bool, _ arguments: [String]) throws -> String {
        let executable = binDirectory.appendingPathComponent(tool)
        if asPostgresUser {
            return try run(URL(fileURLWithPath: "/usr/sbin/runuser"), ["-u", "postgres", "--", executable.path] + arguments)
        }
        return try run(executable, arguments)
    }

    @discardableResult
    private static func run(_ executable: URL, _ arguments: [String]) throws -> String {
        let outcome = try BlockingCommand.run(executable.path, arguments)
        guard outcome.status == 0 else {
            throw StartError(description: "\(executable.lastPathComponent) \(arguments.joined(separator: " ")) exited \(outcome.status):\n\(outcome.output)")
        }
        return outcome.output
    }

    /// A TCP port of 127.0.0.1 that was free a moment ago (bound to port 0, read back, closed).
    private static func freeTCPPort() throws -> Int {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw StartError(description: "socket() failed: errno \(errno)") }
        defer { close(socketDescriptor) }
        let address = try SocketAddressStorage(host: "127.0.0.1", port: 0)
        let bound = address.withSockaddr { bind(socketDescriptor, $0, $1) }
        guard bound == 0 else { throw StartError(description: "bind() failed: errno \(errno)") }
        var local = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketDescriptor, $0, &length) }
        }
        guard named == 0 else { throw StartError(description: "getsockname() failed: errno \(errno)") }
        return Int(UInt16(bigEndian: local.sin_port))
    }
}
