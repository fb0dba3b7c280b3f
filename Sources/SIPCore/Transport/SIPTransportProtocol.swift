/// The transports Parley listens and sends on (RFC 3261 §18). TLS is left to a front proxy.
public enum SIPTransportProtocol: String, Sendable, Hashable, CaseIterable {
    /// Datagrams: each message in one datagram, retransmissions by the transaction layer.
    case udp = "UDP"
    /// A byte stream framed by Content-Length; reliable, so no retransmissions (RFC 3261 §17.1.1.2).
    case tcp = "TCP"

    /// Whether the transaction layer may rely on delivery (no retransmission timers).
    public var isReliable: Bool { self == .tcp }
}
