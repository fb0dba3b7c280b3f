/// A method a ``JSONRPCServer`` can run: it gets the request's parameters and returns the
/// `result`, or throws a ``JSONRPCError`` that becomes the response's `error`.
///
/// Methods must not rely on being called one at a time: requests on different connections run
/// concurrently (calls within one batch run in order).
public typealias JSONRPCMethod = @Sendable (JSONRPCParameters) async throws(JSONRPCError) -> JSONRPCValue
