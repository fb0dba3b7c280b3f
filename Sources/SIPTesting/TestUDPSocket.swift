import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking UDP socket for black-box tests: send datagrams, wait for the next one with a deadline.
public final class TestUDPSocket {
    private let descriptor: Int32
    /// The port this socket is bound to.
    public let port: Int

    /// Binds `host:port` (port 0 picks a free port). IPv6 hosts contain a colon.
    public init(host: String = "127.0.0.1", port: Int = 0) throws {
        let descriptor = socket(host.contains(":") ? AF_INET6 : AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestSocketError("socket() failed: \(errno)") }
        let address = try SocketAddressStorage(host: host, port: port)
        guard address.withSockaddr({ bind(descriptor, $0, $1) }) == 0 else {
            close(descriptor)
            throw TestSocketError("cannot bind \(host):\(port): errno \(errno)")
        }
        self.descriptor = descriptor
        self.port = try Self.boundPort(descriptor)
    }

    deinit { close(descriptor) }

    /// Sends one datagram.
    public func send(_ bytes: [UInt8], to host: String, port: Int) throws {
        let address = try SocketAddressStorage(host: host, port: port)
        let sent = bytes.withUnsafeBytes { buffer in
            address.withSockaddr { sendto(descriptor, buffer.baseAddress, buffer.count, 0, $0, $1) }
        }
        guard sent == bytes.count else { throw TestSocketError("sendto failed: errno \(errno)") }
    }

    /// The next datagram, or `nil` when none arrives within `timeout`.
    public func receive(timeout: Duration = .seconds(2)) -> (bytes: [UInt8], port: Int)? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&poller, 1, milliseconds) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let count = buffer.withUnsafeMutableBytes { bytes in
            withUnsafeMutablePointer(to: &storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    recvfrom(descriptor, bytes.baseAddress, bytes.count, 0, $0, &length)
                }
            }
        }
        guard count >= 0 else { return nil }
        return (Array(buffer[0..<count]), SocketAddressStorage.port(of: storage))
    }

    /// Every datagram that arrives within `window`.
    public func receiveAll(window: Duration) -> [[UInt8]] {
        var datagrams: [[UInt8]] = []
        let deadline = ContinuousClock.now + window
        while case let remaining = deadline - ContinuousClock.now, remaining > .zero,
              let datagram = receive(timeout: remaining) {
            datagrams.append(datagram.bytes)
        }
        return datagrams
    }

    private static func boundPort(_ descriptor: Int32) throws -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let status = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard status == 0 else { throw TestSocketError("getsockname failed") }
        return SocketAddressStorage.port(of: storage)
    }
}

/// A failure of a test socket.
public struct TestSocketError: Error, CustomStringConvertible {
    /// What failed.
    public let description: String
    public init(_ description: String) { self.description = description }
}
