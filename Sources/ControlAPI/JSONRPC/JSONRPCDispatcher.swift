/// JSON-RPC 2.0 without the transport: turns a request body into a response body by running
/// methods from a table.
///
/// Handles single calls and batches (§6), notifications (§4.1: never answered, even when they
/// fail) and the protocol errors of §5.1: `-32700` when the body is not JSON, `-32600` when a
/// request object is malformed, `-32601` for an unknown method. A method's own ``JSONRPCError``
/// goes back as it was thrown. Responses list `jsonrpc`, `result` or `error`, then `id`, the
/// order Kamailio's jsonrpcs writes them in.
public struct JSONRPCDispatcher: Sendable {
    /// The methods by name.
    public var methods: [String: JSONRPCMethod]

    /// Creates a dispatcher serving `methods`.
    public init(methods: [String: JSONRPCMethod]) {
        self.methods = methods
    }

    /// Answers one request body. Calls of a batch run one after another, in order.
    public func reply(to body: [UInt8]) async -> JSONRPCReply {
        let document: JSONRPCValue
        do throws(JSONSyntaxError) {
            document = try JSONParser.parse(body)
        } catch {
            return Self.single(id: .null, outcome: .failure(.parseError(error.description)))
        }
        guard case .array(let calls) = document else {
            guard let (id, outcome) = await run(document) else { return JSONRPCReply(body: nil) }
            return Self.single(id: id, outcome: outcome)
        }
        // §6: an empty batch is one Invalid Request, not an empty array.
        guard !calls.isEmpty else {
            return Self.single(id: .null, outcome: .failure(.invalidRequest("a batch must not be empty")))
        }
        var responses: [JSONRPCValue] = []
        for call in calls {
            if let (id, outcome) = await run(call) {
                responses.append(Self.response(id: id, outcome: outcome))
            }
        }
        guard !responses.isEmpty else { return JSONRPCReply(body: nil) }
        var bytes: [UInt8] = []
        JSONRPCValue.array(responses).write(to: &bytes)
        return JSONRPCReply(body: bytes)
    }

    /// Runs one request object; `nil` for a notification, whose outcome is not sent.
    private func run(_ call: JSONRPCValue) async -> (JSONRPCValue, Result<JSONRPCValue, JSONRPCError>)? {
        let request: JSONRPCRequest
        do throws(JSONRPCRequest.Rejection) {
            request = try JSONRPCRequest(call)
        } catch {
            return (error.id, .failure(error.error))
        }
        let outcome: Result<JSONRPCValue, JSONRPCError>
        if let method = methods[request.method] {
            do throws(JSONRPCError) {
                outcome = .success(try await method(request.parameters))
            } catch {
                outcome = .failure(error)
            }
        } else {
            outcome = .failure(.methodNotFound(request.method))
        }
        guard let id = request.id else { return nil }
        return (id, outcome)
    }

    private static func single(id: JSONRPCValue, outcome: Result<JSONRPCValue, JSONRPCError>) -> JSONRPCReply {
        var bytes: [UInt8] = []
        response(id: id, outcome: outcome).write(to: &bytes)
        if case .failure(let error) = outcome {
            return JSONRPCReply(body: bytes, error: error)
        }
        return JSONRPCReply(body: bytes)
    }

    /// A response object (§5).
    private static func response(id: JSONRPCValue, outcome: Result<JSONRPCValue, JSONRPCError>) -> JSONRPCValue {
        switch outcome {
        case .success(let result): ["jsonrpc": "2.0", "result": result, "id": id]
        case .failure(let error): ["jsonrpc": "2.0", "error": error.value, "id": id]
        }
    }
}
