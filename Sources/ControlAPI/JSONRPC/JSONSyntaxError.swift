/// Why a request body is not JSON text (RFC 8259), and where: the `data` of a JSON-RPC
/// `-32700 Parse error`.
struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    var reason: String
    /// The byte offset in the body where it was noticed.
    var offset: Int

    var description: String { "\(reason) at byte \(offset)" }
}
