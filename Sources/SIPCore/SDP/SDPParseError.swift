/// A session description that could not be parsed, with the line at fault and why.
///
/// libosip2's `sdp_message_parse` only says "-1"; this error names the offending line so a
/// failed INVITE can be logged and answered with a precise reason (RFC 3261 §21.4.26,
/// "488 Not Acceptable Here", or "400 Bad Request").
public struct SDPParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of fault, stable for matching in code and tests.
    public enum Code: String, Sendable, Hashable {
        /// The body holds no line at all.
        case empty
        /// The line is not `<type>=<value>` with a single lower-case letter as type (RFC 4566 §5).
        case malformedLine
        /// The type letter is not one RFC 4566 §5 defines; the whole description must then be ignored.
        case unknownType
        /// The line is allowed in SDP but not at this place (RFC 4566 §5 ordering).
        case unexpectedLine
        /// A mandatory line (`v=`, `o=`, `s=`, `t=`, or a `c=` for a used media stream) is absent.
        case missingLine
        /// A line that may appear only once in its section appears again.
        case duplicateLine
        /// `v=` is not `0` (RFC 4566 §5.1).
        case unsupportedVersion
        /// `o=` does not have six fields with numeric session id and version (RFC 4566 §5.2).
        case invalidOrigin
        /// `c=` is not `<nettype> <addrtype> <address>` (RFC 4566 §5.7).
        case invalidConnection
        /// `b=` is not `<bwtype>:<bandwidth>` with a numeric bandwidth (RFC 4566 §5.8).
        case invalidBandwidth
        /// `t=` is not two numeric times (RFC 4566 §5.9).
        case invalidTiming
        /// `m=` is not `<media> <port>[/<count>] <proto> <fmt> ...` (RFC 4566 §5.14).
        case invalidMedia
        /// An `a=rtpmap`, `a=fmtp` or `a=ptime` value does not follow its grammar (RFC 4566 §6).
        case invalidAttribute
    }

    /// The kind of fault.
    public var code: Code
    /// The 1-based line number in the parsed text; for a missing line, the line where it was expected.
    public var line: Int
    /// The offending line as received (without its line ending); empty for a missing line at the end.
    public var text: String
    /// A short human-readable explanation.
    public var reason: String

    /// Creates an error for `line` (1-based) holding `text`.
    public init(code: Code, line: Int, text: String, reason: String) {
        self.code = code
        self.line = line
        self.text = text
        self.reason = reason
    }

    /// `line <n>: <reason>: "<text>"`, for logs.
    public var description: String {
        "SDP line \(line): \(reason): \"\(text)\""
    }
}
