/// The status line of the reply to a MESSAGE that reached the manager.
public struct IMCSIPStatus: Sendable, Hashable {
    /// 200 on success, 500 on failure.
    public var statusCode: Int
    /// The reason phrase, saying what failed.
    public var reasonPhrase: String

    /// Creates a status.
    public init(statusCode: Int, reasonPhrase: String) {
        self.statusCode = statusCode
        self.reasonPhrase = reasonPhrase
    }
}
