import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A blocking TCP client connection for black-box tests.
public final class TestTCPConnection {
    private let descriptor: Int32
    private var pending: [UInt8] = []

    /// Connects to `host:port`.
    public init(host: String, port: Int) throws {
        let descriptor = socket(host.contains(":") ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestSocketError("socket() failed") }
        let address = try SocketAddressStorage(host: host, port: port)
        guard address.withSockaddr({ connect(descriptor, $0, $1) }) == 0 else {
            close(descriptor)
            throw TestSocketError("cannot connect to \(host):\(port): errno \(errno)")
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Writes all bytes.
    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw TestSocketError("send failed: errno \(errno)") }
            offset += written
        }
    }

    /// The next whole SIP message on the stream (framed by Content-Length), or `nil` on timeout or close.
    public func receiveMessage(timeout: Duration = .seconds(2)) -> [UInt8]? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let message = takeMessage() { return message }
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero, let chunk = read(timeout: remaining), !chunk.isEmpty else { return nil }
            pending += chunk
        }
    }

    /// Whether the peer closed the connection within `timeout` (reads and discards data meanwhile).
    public func isClosedByPeer(within timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while case let remaining = deadline - ContinuousClock.now, remaining > .zero {
            guard let chunk = read(timeout: remaining) else { return false }
            if chunk.isEmpty { return true }
        }
        return false
    }

    /// `nil` on timeout, empty on end of stream.
    private func read(timeout: Duration) -> [UInt8]? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&poller, 1, max(milliseconds, 1)) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        return count > 0 ? Array(buffer[0..<count]) : []
    }

    private func takeMessage() -> [UInt8]? {
        guard let end = pending.firstRange(of: Array("\r\n\r\n".utf8))?.upperBound else { return nil }
        let headers = String(decoding: pending[..<end], as: UTF8.self).lowercased()
        var length = 0
        for line in headers.split(separator: "\r\n") where line.hasPrefix("content-length") || line.hasPrefix("l:") || line.hasPrefix("l :") {
            length = Int(line.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") ?? 0
        }
        guard pending.count >= end + length else { return nil }
        let message = Array(pending[..<(end + length)])
        pending.removeFirst(end + length)
        return message
    }
}
