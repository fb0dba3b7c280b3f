import Foundation

/// One of this package's executables (e.g. `sip-echo-server`) run as a child process for a
/// black-box test, stopped when the object goes away.
public final class ProductProcess: @unchecked Sendable {
    // @unchecked Sendable: `output` is only touched under `lock`; the Process is only started and stopped.
    private let process = Process()
    private let lock = NSLock()
    private var output = ""

    /// The folder holding the built products (the test bundle sits beside them).
    public static var productsDirectory: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }

    /// Starts `product` with `arguments`.
    public init(_ product: String, arguments: [String]) throws {
        process.executableURL = Self.productsDirectory.appendingPathComponent(product)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.lock.withLock { self.output += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    deinit { stop() }

    /// Everything the process printed so far.
    public var printed: String { lock.withLock { output } }

    /// Waits until the output has a line containing `text`, and returns that line.
    public func waitForLine(containing text: String, timeout: Duration = .seconds(20)) throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let line = printed.split(separator: "\n").first(where: { $0.contains(text) }) { return String(line) }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        throw TestSocketError("no line with '\(text)' from \(process.executableURL?.lastPathComponent ?? "?"); printed:\n\(printed)")
    }

    /// Whether the process is still running.
    public var isRunning: Bool { process.isRunning }

    /// Kills the process with SIGKILL, as a crash would, and waits for it.
    public func crash() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Stops the process with SIGTERM and waits for it.
    public func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }
}
