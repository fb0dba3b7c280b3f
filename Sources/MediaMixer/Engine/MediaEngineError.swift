/// A failure of a ``MediaEngine`` control call.
public struct MediaEngineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: Hashable, Sendable {
        /// The room rate is not 8000, 16000 or 48000 Hz.
        case unsupportedRoomRate
        /// No such room (never created, or removed).
        case unknownRoom
        /// The RTP session could not be set up (bind, address, payload type).
        case rtpSetupFailed
        /// The engine was shut down.
        case shutDown
    }

    /// The kind of failure.
    public let code: Code
    /// What was being attempted, for logs.
    public let detail: String

    init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    /// The failure and what was being attempted.
    public var description: String {
        "media engine error \(code): \(detail)"
    }
}
