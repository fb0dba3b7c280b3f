/// One request object of a call or batch, checked against JSON-RPC 2.0 §4.
struct JSONRPCRequest: Sendable, Hashable {
    /// `id`; `nil` when absent, which makes the request a notification (§4.1).
    var id: JSONRPCValue?
    /// `method`.
    var method: String
    /// `params`.
    var parameters: JSONRPCParameters

    /// A request that failed the checks, with the `id` to answer to (`null` when it could not be
    /// read, §5).
    struct Rejection: Error, Sendable, Hashable {
        var id: JSONRPCValue
        var error: JSONRPCError
    }

    /// Checks `value` as a request object.
    init(_ value: JSONRPCValue) throws(Rejection) {
        guard case .object(let object) = value else {
            throw Rejection(id: .null, error: .invalidRequest("a request must be a JSON object"))
        }
        let id = object["id"]
        switch id {
        case nil, .null?, .string?, .int?, .double?: break
        default: throw Rejection(id: .null, error: .invalidRequest("'id' must be a string, a number or null"))
        }
        let answerID = id ?? .null
        guard object["jsonrpc"] == .string("2.0") else {
            throw Rejection(id: answerID, error: .invalidRequest("'jsonrpc' must be \"2.0\""))
        }
        guard case .string(let method)? = object["method"] else {
            throw Rejection(id: answerID, error: .invalidRequest("'method' must be a string"))
        }
        switch object["params"] {
        case nil: parameters = .none
        case .array(let values)?: parameters = .positional(values)
        case .object(let members)?: parameters = .named(members)
        default: throw Rejection(id: answerID, error: .invalidRequest("'params' must be an array or an object"))
        }
        self.id = id
        self.method = method
    }
}
