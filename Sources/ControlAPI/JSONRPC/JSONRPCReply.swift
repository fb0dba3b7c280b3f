/// What a ``JSONRPCDispatcher`` answers to one request body.
public struct JSONRPCReply: Sendable, Hashable {
    /// The response body (UTF-8 JSON), or `nil` when nothing is to be sent back: a notification,
    /// or a batch of notifications only (JSON-RPC 2.0 §4.1, §6).
    public var body: [UInt8]?
    /// The error, when the body is a single error response (not a batch); lets HTTP front ends
    /// pick a status for it (``JSONRPCErrorStatus``).
    public var error: JSONRPCError?

    /// Creates a reply.
    public init(body: [UInt8]?, error: JSONRPCError? = nil) {
        self.body = body
        self.error = error
    }

    /// The body as text, `nil` when there is none.
    public var text: String? {
        body.map { String(decoding: $0, as: UTF8.self) }
    }
}
