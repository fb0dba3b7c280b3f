import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The UDP socket of the tests: plain system calls, independent of SwiftNIO and oRTP, so the code
/// under test is checked by code that shares none of its transport, and a test controls exactly
/// which datagram leaves when.
///
/// Waiting reads are async and bounded (``receive(within:)``): the wait is a `poll(2)` with the
/// deadline on a thread of its own, so it leaves Swift's cooperative threads to other tests, and
/// the kernel decides what arrived in time (a datagram that arrives after the deadline is not taken,
/// however late the waiting task runs). A thread of a test peer's own (``receiveNow(into:)``) reads
/// without waiting.
public final class TestUDPSocket: Sendable {
    private let descriptor: Int32
    /// The port this socket is bound to.
    public let port: Int

    /// Binds `host:port` (port 0 picks a free port). IPv6 hosts contain a colon.
    public init(host: String = "127.0.0.1", port: Int = 0) throws {
        // Close-on-exec: a peer process started while the socket is open must not inherit it.
        let type = Int32(SOCK_DGRAM.rawValue | SOCK_CLOEXEC.rawValue)
        let descriptor = socket(host.contains(":") ? AF_INET6 : AF_INET, type, 0)
        guard descriptor >= 0 else { throw TestSocketError("socket() failed: \(errno)") }
        let address = try SocketAddressStorage(host: host, port: port)
        guard address.withSockaddr({ bind(descriptor, $0, $1) }) == 0 else {
            let error = errno
            close(descriptor)
            throw TestSocketError("cannot bind \(host):\(port): errno \(error)")
        }
        self.descriptor = descriptor
        self.port = try Self.boundPort(descriptor)
    }

    deinit { close(descriptor) }

    /// Sends one datagram.
    public func send(_ bytes: [UInt8], to host: String = "127.0.0.1", port: Int) throws {
        let address = try SocketAddressStorage(host: host, port: port)
        let sent = bytes.withUnsafeBytes { buffer in
            address.withSockaddr { sendto(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_DONTWAIT), $0, $1) }
        }
        guard sent == bytes.count else { throw TestSocketError("sendto \(host):\(port) failed: errno \(errno)") }
    }

    /// The next datagram and the port it came from, or `nil` when none arrives within `limit`.
    public func receive(within limit: Duration = .seconds(2)) async -> (bytes: [UInt8], port: Int)? {
        if let datagram = receiveNow() { return datagram }
        guard limit > .zero else { return nil }
        return await onOwnThread { self.blockingReceive(within: limit) }
    }

    /// Like ``receive(within:)``, and answers the datagram at once, on the thread that waited for
    /// it, with what `answer` makes of it (each element one datagram, to the port it came from):
    /// for a peer that must answer within a retransmission interval (RFC 3261 Timer E at a short
    /// T1) however long the test's own task waits for a cooperative thread.
    public func receive(
        within limit: Duration = .seconds(2), answeringWith answer: @escaping @Sendable ([UInt8]) -> [[UInt8]]
    ) async -> (bytes: [UInt8], port: Int)? {
        await onOwnThread {
            let datagram = self.blockingReceive(within: limit)
            if let datagram {
                for reply in answer(datagram.bytes) { try? self.send(reply, port: datagram.port) }
            }
            return datagram
        }
    }

    /// Every datagram that arrives within `window`: for counting what a peer sends in a stretch of
    /// time (retransmissions), where the window itself is what is measured.
    public func receiveAll(window: Duration) async -> [[UInt8]] {
        await onOwnThread {
            var datagrams: [[UInt8]] = []
            let deadline = ContinuousClock.now + window
            while case let remaining = deadline - ContinuousClock.now, remaining > .zero,
                  let datagram = self.blockingReceive(within: remaining) {
                datagrams.append(datagram.bytes)
            }
            return datagrams
        }
    }

    /// The datagrams `accepts` takes, the first awaited up to `firstWait`, each later one up to
    /// `quietAfter` after the one before; datagrams it does not take are skipped. For everything
    /// a peer sends in answer to one request: the gaps are timed on a thread of its own, so a
    /// retransmission that comes later than `quietAfter` is never counted, however busy the machine.
    public func receiveBurst(
        firstWithin firstWait: Duration, quietAfter: Duration, accepting accepts: @escaping @Sendable ([UInt8]) -> Bool
    ) async -> [[UInt8]] {
        await onOwnThread {
            var accepted: [[UInt8]] = []
            var timeout = firstWait
            while let datagram = self.blockingReceive(within: timeout) {
                guard accepts(datagram.bytes) else { continue }
                accepted.append(datagram.bytes)
                timeout = quietAfter
            }
            return accepted
        }
    }

    /// Blocks the calling thread (never a cooperative one: see ``onOwnThread(_:)``) until a
    /// datagram arrives or `limit` has passed.
    private func blockingReceive(within limit: Duration) -> (bytes: [UInt8], port: Int)? {
        if let datagram = receiveNow() { return datagram }
        return waitReadable(descriptor, within: limit) ? receiveNow() : nil
    }

    /// Runs `body` on a thread of its own and returns its result: a blocking wait there keeps the
    /// kernel's timing and leaves Swift's cooperative threads to the other tests.
    private func onOwnThread<Result: Sendable>(_ body: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            let waiter = Thread { continuation.resume(returning: body()) }
            waiter.name = "udp-wait-\(port)"
            waiter.start()
        }
    }

    /// A datagram already waiting and the port it came from, or `nil` at once when none is.
    public func receiveNow() -> (bytes: [UInt8], port: Int)? {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        guard let (count, port) = receiveNow(into: &buffer) else { return nil }
        return (Array(buffer[0..<count]), port)
    }

    /// Reads a datagram already waiting into `buffer`; its length and the port it came from, or
    /// `nil` at once when none is waiting. Allocates nothing, for a peer's packet loop.
    public func receiveNow(into buffer: inout [UInt8]) -> (count: Int, port: Int)? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let count = buffer.withUnsafeMutableBytes { bytes in
            withUnsafeMutablePointer(to: &storage) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    recvfrom(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_DONTWAIT), $0, &length)
                }
            }
        }
        guard count >= 0 else { return nil }
        return (count, SocketAddressStorage.port(of: storage))
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

/// A failure of a test socket or a test peer.
public struct TestSocketError: Error, CustomStringConvertible {
    /// What failed.
    public let description: String
    /// Creates an error that says what failed.
    public init(_ description: String) { self.description = description }
}

/// Blocks the calling thread until `descriptor` is readable or `limit` has passed (`poll(2)`).
func waitReadable(_ descriptor: Int32, within limit: Duration) -> Bool {
    let deadline = ContinuousClock.now + limit
    while case let remaining = deadline - ContinuousClock.now, remaining > .zero {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
        let ready = poll(&poller, 1, Int32(max(1, milliseconds)))
        if ready > 0 { return true }
        if ready < 0 && errno != EINTR { return false }
    }
    return false
}
