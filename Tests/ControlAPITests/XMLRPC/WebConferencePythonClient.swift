import Foundation

/// A black-box client: Python's standard `xmlrpc.client`, as SEMS's bundled pyqtgui and tool
/// scripts use it. The script, `Tests/Fixtures/webconference-client.py`, checks every answer
/// itself and prints `ALL OK`, or the first mismatch; the black-box tests run it against a
/// running `parley-bridge` too.
enum WebConferencePythonClient {
    /// The script's text.
    static func script() throws -> String {
        let path = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/webconference-client.py")
        return try String(contentsOf: path, encoding: .utf8)
    }
}
