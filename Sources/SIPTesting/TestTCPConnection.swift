import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP client connection for black-box tests; every read has a deadline.
public final class TestTCPConnection {
    private let descriptor: Int32
    private var pending: [UInt8] = []

    /// Connects to `host:port`.
    public init(host: String, port: Int) throws {
        // Close-on-exec: a peer process started while the connection is open must not inherit it.
        let descriptor = socket(host.contains(":") ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0)
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

    /// The next whole SIP message on the stream (framed by Content-Length), or `nil` when none is
    /// complete within `limit` or the peer closed the connection.
    public func receiveMessage(within limit: Duration = .seconds(2)) async -> [UInt8]? {
        let deadline = ContinuousClock.now + limit
        while true {
            if let message = takeMessage() { return message }
            guard let chunk = await read(until: deadline), !chunk.isEmpty else { return nil }
            pending += chunk
        }
    }

    /// Whatever bytes arrive next, unframed, or `nil` when none arrive within `limit`.
    public func receiveBytes(within limit: Duration = .seconds(2)) async -> [UInt8]? {
        if !pending.isEmpty {
            defer { pending = [] }
            return pending
        }
        return await read(until: ContinuousClock.now + limit).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether the peer closed the connection within `window` (reads and discards data meanwhile):
    /// the window is what is measured, so a connection that stays open takes all of it.
    public func isClosedByPeer(within window: Duration) async -> Bool {
        let deadline = ContinuousClock.now + window
        while let chunk = await read(until: deadline) {
            if chunk.isEmpty { return true }
        }
        return false
    }

    /// The bytes that arrive by `deadline`: `nil` when none did, empty at the end of the stream.
    /// The wait is a `poll(2)` on a thread of its own (see ``TestUDPSocket``).
    private func read(until deadline: ContinuousClock.Instant) async -> [UInt8]? {
        if let chunk = readNow() { return chunk }
        let remaining = deadline - ContinuousClock.now
        guard remaining > .zero else { return nil }
        let descriptor = descriptor
        let readable = await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: waitReadable(descriptor, within: remaining)) }.start()
        }
        return readable ? readNow() : nil
    }

    /// Bytes already waiting, without waiting: `nil` when none are, empty at the end of the stream.
    private func readNow() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        if count > 0 { return Array(buffer[0..<count]) }
        if count == 0 { return [] }
        return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? nil : []
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
