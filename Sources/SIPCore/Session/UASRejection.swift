/// A status code and the header fields that explain it (Allow, Unsupported, Accept, Warning),
/// as ``UASRequestScreen`` decides them; the UAS sends it with its own To tag.
public struct UASRejection: Sendable, Hashable {
    /// 405, 406, 415, 416, 420 or 501.
    public var statusCode: Int
    /// The header fields RFC 3261 asks for with that status.
    public var headers: [SIPHeaderField]

    /// Creates a rejection.
    public init(statusCode: Int, headers: [SIPHeaderField]) {
        self.statusCode = statusCode
        self.headers = headers
    }
}
