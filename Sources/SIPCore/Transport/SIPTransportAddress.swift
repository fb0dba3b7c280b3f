import NIOCore

/// Where a message came from or goes to: a socket address and the transport that carries it.
public struct SIPTransportAddress: Sendable, Hashable, CustomStringConvertible {
    /// The transport.
    public var transport: SIPTransportProtocol
    /// The IP address and port.
    public var socketAddress: SocketAddress

    /// Creates a transport address.
    public init(_ transport: SIPTransportProtocol, _ socketAddress: SocketAddress) {
        self.transport = transport
        self.socketAddress = socketAddress
    }

    /// Creates a transport address from a numeric IPv4 or IPv6 address (no name resolution).
    public init(_ transport: SIPTransportProtocol, host: String, port: Int) throws {
        self.init(transport, try SocketAddress(ipAddress: host, port: port))
    }

    /// Parses `host:port` or `[IPv6]:port` with a numeric address (no name resolution), as
    /// listen addresses are written on command lines and in configuration files.
    public init(_ transport: SIPTransportProtocol, hostPort text: String) throws(SIPTransportError) {
        let host: Substring, port: Substring
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = text[text.index(after: text.startIndex)..<close]
            port = text[text.index(after: close)...].drop { $0 == ":" }
        } else if let colon = text.lastIndex(of: ":") {
            host = text[..<colon]
            port = text[text.index(after: colon)...]
        } else {
            throw SIPTransportError(.unresolvableDestination, "'\(text)' needs host:port")
        }
        guard let number = Int(port), (0...65535).contains(number) else {
            throw SIPTransportError(.unresolvableDestination, "'\(text)' has no valid port")
        }
        do {
            try self.init(transport, host: String(host), port: number)
        } catch {
            throw SIPTransportError(.unresolvableDestination, "'\(text)' is not a numeric IP address")
        }
    }

    /// The IP address as text (IPv6 without brackets), `""` for a Unix socket.
    public var host: String { socketAddress.ipAddress ?? "" }

    /// The port, 0 for a Unix socket.
    public var port: Int { socketAddress.port ?? 0 }

    /// `udp:127.0.0.1:5060` or `tcp:[::1]:5060`.
    public var description: String {
        let host = self.host.containsByte(UInt8(ascii: ":")) ? "[\(self.host)]" : self.host
        return "\(transport.rawValue.lowercased()):\(host):\(port)"
    }
}
