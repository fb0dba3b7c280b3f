/// How many times an ``RTPSession``'s next receive may read its sockets, when the owner knows from
/// a readiness poll whether the RTP socket has data.
///
/// oRTP reads a socket until the kernel says it is empty, so every receive costs one system call
/// more than there are packets, and one more on the RTCP socket: three per packet for a phone
/// sending every 20 ms. With a budget, a receive reads the RTP socket only when the poll found data,
/// as many times as the previous ready tick found packets (one for a 20 ms stream), and every
/// ``drainInterval``-th ready tick until it is empty, so a burst or a peer sending shorter packets
/// is caught up with; RTCP (a report every few seconds, RFC 3550 §6.2) is read every
/// ``controlInterval``-th receive.
struct RTPReadBudget {
    /// Reads without limit: until the socket is empty.
    static let unlimited: Int32 = -1
    /// Every this many ready ticks, the RTP socket is read until it is empty.
    static let drainInterval = 8
    /// Every this many receives (half a second of 20 ms ticks), the RTCP socket is read until empty.
    static let controlInterval = 25

    private var lastReadyReads: Int32 = 1
    private var readyTicksSinceDrain = 0
    private var receivesSinceControlRead = 0

    /// The RTP reads the next receive may make, given whether the poll found data.
    mutating func dataReads(socketReady: Bool) -> Int32 {
        guard socketReady else { return 0 }
        readyTicksSinceDrain += 1
        guard readyTicksSinceDrain < Self.drainInterval else {
            readyTicksSinceDrain = 0
            return Self.unlimited
        }
        return max(1, lastReadyReads)
    }

    /// The RTCP reads the next receive may make.
    mutating func controlReads() -> Int32 {
        receivesSinceControlRead += 1
        guard receivesSinceControlRead >= Self.controlInterval else { return 0 }
        receivesSinceControlRead = 0
        return Self.unlimited
    }

    /// Records how many packets a receive read from a ready RTP socket.
    mutating func finishReadyReceive(packetsRead: Int32) {
        lastReadyReads = packetsRead
    }
}
