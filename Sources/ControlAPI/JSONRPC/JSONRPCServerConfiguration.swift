/// Where and how a ``JSONRPCServer`` listens.
public struct JSONRPCServerConfiguration: Sendable, Hashable {
    /// The address to bind, e.g. `127.0.0.1` or `0.0.0.0`.
    public var host: String
    /// The TCP port; `0` asks the system for a free one (the server reports the bound port).
    public var port: Int
    /// The one path that serves JSON-RPC; other paths get `404 Not Found`.
    ///
    /// Kamailio's jsonrpcs answers whatever path its routing script hands it; the usual script
    /// checks `$hu =~ "^/RPC"`, hence the default.
    public var path: String
    /// The largest request body accepted, in bytes; a larger one gets `413 Content Too Large`.
    public var maximumBodySize: Int
    /// The HTTP status of a response carrying a single error.
    public var errorStatus: JSONRPCErrorStatus

    /// Creates a configuration.
    public init(
        host: String = "127.0.0.1",
        port: Int,
        path: String = "/RPC",
        maximumBodySize: Int = 1 << 20,
        errorStatus: JSONRPCErrorStatus = .ok
    ) {
        self.host = host
        self.port = port
        self.path = path
        self.maximumBodySize = maximumBodySize
        self.errorStatus = errorStatus
    }
}
