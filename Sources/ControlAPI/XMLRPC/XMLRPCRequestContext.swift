import Hummingbird
import NIOCore

/// Hummingbird's per-request context plus the client's address, which the allow-list needs.
struct XMLRPCRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The peer of the connection the request came on.
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
