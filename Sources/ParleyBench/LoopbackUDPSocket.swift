#if canImport(Glibc)
import Glibc
#endif

/// A blocking UDP socket bound to 127.0.0.1, for the fan-out benchmark's sink and probes: plain
/// system calls, so the sink costs the shared cores as little as a UDP peer can.
final class LoopbackUDPSocket: Sendable {
    /// Why a socket could not be set up.
    struct SocketError: Error, CustomStringConvertible {
        /// The failing call and the `errno` text.
        let description: String

        init(_ call: String) {
            description = "\(call): \(String(cString: strerror(errno)))"
        }
    }

    /// The file descriptor, closed in `deinit`.
    let descriptor: Int32
    /// The local port (chosen by the system when 0 was asked for).
    let port: Int

    /// Binds to 127.0.0.1:`port`; `receiveTimeout` bounds each ``receive(into:)`` so a reading
    /// thread can notice it should stop.
    init(port: Int = 0, receiveTimeout: Duration = .milliseconds(100), receiveBufferBytes: Int32? = nil) throws {
        // Set up on a local first: `self` cannot be used before every stored property is set.
        let descriptor = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw SocketError("socket") }
        var address = Self.loopback(port: port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let error = SocketError("bind 127.0.0.1:\(port)")
            close(descriptor)
            throw error
        }
        var local = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.descriptor = descriptor
        self.port = Int(UInt16(bigEndian: local.sin_port))
        let (seconds, attoseconds) = receiveTimeout.components
        var timeout = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        if var bytes = receiveBufferBytes {
            // SO_RCVBUFFORCE passes net.core.rmem_max when privileged; otherwise take what is allowed.
            if setsockopt(descriptor, SOL_SOCKET, SO_RCVBUFFORCE, &bytes, 4) != 0 {
                setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &bytes, 4)
            }
        }
    }

    deinit {
        close(descriptor)
    }

    /// A port that was free on 127.0.0.1 for UDP a moment ago, for a program that must be told
    /// its port on the command line.
    static func freePort() throws -> Int {
        try LoopbackUDPSocket().port
    }

    /// Waits for one datagram (at most the receive timeout); `nil` when none came.
    func receive(into buffer: UnsafeMutableRawBufferPointer) -> (count: Int, source: sockaddr_in)? {
        var source = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let count = withUnsafeMutablePointer(to: &source) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                recvfrom(descriptor, buffer.baseAddress, buffer.count, 0, $0, &length)
            }
        }
        return count > 0 ? (count, source) : nil
    }

    /// Sends `bytes` to `destination`; a full send buffer drops the datagram, as UDP may.
    func send(_ bytes: [UInt8], to destination: sockaddr_in) {
        var destination = destination
        _ = bytes.withUnsafeBytes { payload in
            withUnsafePointer(to: &destination) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(descriptor, payload.baseAddress, payload.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
    }

    /// Sends `bytes` to 127.0.0.1:`port`.
    func send(_ bytes: [UInt8], toPort port: Int) {
        send(bytes, to: Self.loopback(port: port))
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port)).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}
