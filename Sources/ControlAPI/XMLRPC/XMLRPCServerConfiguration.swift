/// Where and how an ``XMLRPCServer`` listens.
public struct XMLRPCServerConfiguration: Sendable, Hashable {
    /// The address to bind. SEMS's `server_ip` defaults to any address; Parley defaults to
    /// loopback because the API has no authentication unless ``credentials`` is set.
    public var host: String
    /// The TCP port (`xmlrpc_port`, default 8090); `0` asks the system for a free one.
    public var port: Int
    /// The largest request body accepted, in bytes; a larger one gets a fault.
    public var maximumBodySize: Int
    /// The deepest element nesting a request may have; a deeper one gets a fault.
    public var maximumDepth: Int
    /// Client IP addresses allowed to call (a Parley addition); `nil` allows every client.
    /// Others get `403 Forbidden`.
    public var allowedClients: Set<String>?
    /// HTTP basic credentials every request must carry (a Parley addition); `nil` for none.
    public var credentials: XMLRPCBasicCredentials?

    /// Creates a configuration.
    public init(
        host: String = "127.0.0.1",
        port: Int = 8090,
        maximumBodySize: Int = 1 << 20,
        maximumDepth: Int = XMLRPCMethodCall.defaultMaximumDepth,
        allowedClients: Set<String>? = nil,
        credentials: XMLRPCBasicCredentials? = nil
    ) {
        self.host = host
        self.port = port
        self.maximumBodySize = maximumBodySize
        self.maximumDepth = maximumDepth
        self.allowedClients = allowedClients
        self.credentials = credentials
    }
}
