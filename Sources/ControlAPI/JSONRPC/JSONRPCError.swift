/// A JSON-RPC 2.0 error object (JSON-RPC 2.0 §5.1): what a method throws, and what the server
/// sends back for a request it cannot run.
///
/// The protocol's own errors have fixed codes and messages (``parseError(_:)`` and the rest).
/// Methods may also fail with an application code of their own: Kamailio's RPCs use HTTP-like
/// ones, e.g. `{"code": 500, "message": "Room not found"}` from `imc.list_members` (spec §14).
public struct JSONRPCError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A JSON-RPC error code.
    public struct Code: RawRepresentable, Sendable, Hashable {
        /// The number sent as `error.code`.
        public var rawValue: Int

        /// Wraps a code.
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Wraps an application code, e.g. Kamailio's `500` or `400`.
        public init(_ rawValue: Int) { self.rawValue = rawValue }

        /// `-32700`: the body is not JSON.
        public static let parseError = Code(-32700)
        /// `-32600`: the JSON is not a valid request object.
        public static let invalidRequest = Code(-32600)
        /// `-32601`: no method by that name.
        public static let methodNotFound = Code(-32601)
        /// `-32602`: the method cannot use the parameters given.
        public static let invalidParams = Code(-32602)
        /// `-32603`: the server failed while running the method.
        public static let internalError = Code(-32603)
    }

    /// `error.code`.
    public var code: Code
    /// `error.message`: a short sentence.
    public var message: String
    /// `error.data`, left out when `nil`: details such as where a parse failed.
    public var data: JSONRPCValue?

    /// Creates an error object.
    public init(code: Code, message: String, data: JSONRPCValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// `-32700 Parse error`; `detail` (e.g. `expected ':' after object key at byte 9`) goes in `data`.
    public static func parseError(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: .parseError, message: "Parse error", data: .string(detail))
    }

    /// `-32600 Invalid Request`; `detail` says which member is wrong.
    public static func invalidRequest(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: .invalidRequest, message: "Invalid Request", data: .string(detail))
    }

    /// `-32601 Method not found`; the method name goes in `data`.
    public static func methodNotFound(_ method: String) -> JSONRPCError {
        JSONRPCError(code: .methodNotFound, message: "Method not found", data: .string(method))
    }

    /// `-32602 Invalid params`; `detail` says what the method expected.
    public static func invalidParams(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: .invalidParams, message: "Invalid params", data: .string(detail))
    }

    /// `-32603 Internal error`.
    public static func internalError(_ detail: String) -> JSONRPCError {
        JSONRPCError(code: .internalError, message: "Internal error", data: .string(detail))
    }

    /// The error object as JSON-RPC sends it: `code`, `message`, then `data` if any.
    public var value: JSONRPCValue {
        var object: JSONRPCObject = ["code": .int(code.rawValue), "message": .string(message)]
        object["data"] = data
        return .object(object)
    }

    /// `<code> <message>`, with the data if any.
    public var description: String {
        data.map { "\(code.rawValue) \(message): \($0.jsonText)" } ?? "\(code.rawValue) \(message)"
    }
}
