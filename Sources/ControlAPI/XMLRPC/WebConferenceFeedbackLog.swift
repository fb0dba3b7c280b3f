import ConferenceModel
import Foundation

/// The webconference feedback file (spec §12.1): lines are buffered and reach the file when the
/// buffer fills, on `flushFeedback`, or when the file is switched, as SEMS's `ofstream` does.
///
/// `resetFeedback` may only switch to a file inside the configured ``FeedbackDirectory`` (fixes
/// B8); without one it always fails.
public actor WebConferenceFeedbackLog {
    private let directory: FeedbackDirectory?
    private var file: FileHandle?
    private var pending: [UInt8] = []
    private static let bufferSize = 4096

    /// Opens `path` (SEMS `feedback_file`, an operator's setting) for appending, if given. If it
    /// cannot be opened, feedback is dropped, as in SEMS.
    public init(path: String?, resetDirectory: FeedbackDirectory?) {
        directory = resetDirectory
        if let path {
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil)
            }
            file = FileHandle(forWritingAtPath: path)
            _ = try? file?.seekToEnd()
        }
    }

    /// Appends a record stamped with `unixTime`; dropped when no file is open.
    public func append(_ record: FeedbackRecord, unixTime: Int) {
        guard file != nil else { return }
        pending += Array(record.line(unixTime: unixTime).utf8)
        if pending.count >= Self.bufferSize { flush() }
    }

    /// Writes the buffered lines (`flushFeedback`).
    public func flush() {
        guard let file, !pending.isEmpty else { return }
        try? file.write(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
    }

    /// What `resetFeedback` achieved.
    public enum ResetOutcome: Sendable, Hashable {
        /// The new file is open (truncated).
        case opened
        /// The name is outside the feedback directory, or the file could not be created.
        case failed
    }

    /// `resetFeedback(name)`: closes the current file and opens `name`, resolved inside the
    /// feedback directory, truncating it.
    public func reset(to name: String) -> ResetOutcome {
        flush()
        try? file?.close()
        file = nil
        guard let path = directory?.resolve(name),
            FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { return .failed }
        file = handle
        return .opened
    }
}
