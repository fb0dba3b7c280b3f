import Foundation

/// One HTTP response as a real client saw it.
struct HTTPExchange: Sendable {
    /// The status code.
    var status: Int
    /// Header fields, names lowercased.
    var headers: [String: String]
    /// The body as text.
    var body: String

    /// Parses `curl -i` output: status line, header lines, blank line, body.
    init(curlOutput: String) throws {
        guard let separator = curlOutput.range(of: "\r\n\r\n") else {
            throw HTTPClientError(output: curlOutput)
        }
        let head = curlOutput[..<separator.lowerBound].components(separatedBy: "\r\n")
        let statusLine = head[0].split(separator: " ")
        guard statusLine.count >= 2, let status = Int(statusLine[1]) else { throw HTTPClientError(output: curlOutput) }
        self.status = status
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        self.headers = headers
        body = String(curlOutput[separator.upperBound...])
    }
}

/// A client produced output that is not an HTTP response.
struct HTTPClientError: Error, CustomStringConvertible {
    var output: String
    var description: String { "not an HTTP response: \(output)" }
}

/// Real HTTP clients, run as processes: curl (as `kamctl`-style scripts use it) and Python's
/// standard library.
enum HTTPClient {
    /// Sends one request with curl and returns what it received.
    static func curl(
        _ method: String = "POST", port: Int, path: String = "/RPC", body: String? = nil, json: Bool = true
    ) async throws -> HTTPExchange {
        // -i: keep the status line and headers; Expect: disabled so larger bodies go out at once.
        var arguments = ["-sS", "-i", "-X", method, "-H", "Expect:"]
        if body != nil {
            arguments += ["--data-binary", "@-"]
            if json { arguments += ["-H", "Content-Type: application/json"] }
        }
        arguments.append("http://127.0.0.1:\(port)\(path)")
        return try HTTPExchange(curlOutput: try await run("curl", arguments, input: body))
    }

    /// Runs a Python 3 script with arguments and returns its standard output.
    static func python(_ script: String, _ arguments: [String]) async throws -> String {
        try await run("python3", ["-c", script] + arguments, input: nil)
    }

    /// Runs a program on a thread of its own: the wait blocks, and neither Swift's cooperative
    /// pool nor Dispatch's width-limited global queue may be held by it while tests run in parallel.
    /// A program still running after 30 s is terminated, so the wait is bounded.
    ///
    /// Foundation's `Process` rather than SIPTesting's `PeerProcess`, the spawner of every other
    /// test target: this target depends on ControlAPI alone.
    private static func run(_ program: String, _ arguments: [String], input: String?) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread {
                do {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                    process.arguments = [program] + arguments
                    let output = Pipe()
                    let inputPipe = Pipe()
                    process.standardOutput = output
                    process.standardInput = inputPipe
                    try process.run()
                    let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
                    DispatchQueue.global().asyncAfter(deadline: .now() + 30, execute: watchdog)
                    defer { watchdog.cancel() }
                    if let input {
                        inputPipe.fileHandleForWriting.write(Data(input.utf8))
                    }
                    try inputPipe.fileHandleForWriting.close()
                    let data = output.fileHandleForReading.readDataToEndOfFile()
                    process.waitUntilExit()
                    continuation.resume(returning: String(decoding: data, as: UTF8.self))
                } catch {
                    continuation.resume(throwing: error)
                }
            }.start()
        }
    }
}
