/// The fixed RTP header (RFC 3550 §5.1) and payload of one packet, built and parsed by hand.
///
/// A test peer writes its own headers instead of going through oRTP because it must choose the
/// sequence number and timestamp of every packet itself: injected jitter sends packets out of
/// order, and an SSRC change starts a new sequence and timestamp base, both of which oRTP's sender
/// would renumber.
struct RTPTestPacket: Equatable {
    var payloadType: Int
    var marker: Bool
    var sequenceNumber: UInt16
    var timestamp: UInt32
    var ssrc: UInt32
    var payload: [UInt8]

    /// The packet's bytes on the wire: version 2, no padding, extension or CSRCs.
    var bytes: [UInt8] {
        var bytes: [UInt8] = [0x80, UInt8(payloadType & 0x7F) | (marker ? 0x80 : 0)]
        bytes.reserveCapacity(12 + payload.count)
        bytes += [UInt8(sequenceNumber >> 8), UInt8(sequenceNumber & 0xFF)]
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8((timestamp >> UInt32(shift)) & 0xFF)) }
        for shift in stride(from: 24, through: 0, by: -8) { bytes.append(UInt8((ssrc >> UInt32(shift)) & 0xFF)) }
        bytes += payload
        return bytes
    }

    /// Parses a received datagram; `nil` when it is not an RTP version 2 packet.
    init?(datagram: ArraySlice<UInt8>) {
        let bytes = Array(datagram)
        guard bytes.count >= 12, bytes[0] >> 6 == 2 else { return nil }
        let csrcCount = Int(bytes[0] & 0x0F)
        let hasExtension = bytes[0] & 0x10 != 0
        var start = 12 + 4 * csrcCount
        if hasExtension {
            guard bytes.count >= start + 4 else { return nil }
            start += 4 + 4 * (Int(bytes[start + 2]) << 8 | Int(bytes[start + 3]))
        }
        var end = bytes.count
        if bytes[0] & 0x20 != 0, let padding = bytes.last { end -= Int(padding) }
        guard start <= end else { return nil }
        payloadType = Int(bytes[1] & 0x7F)
        marker = bytes[1] & 0x80 != 0
        sequenceNumber = UInt16(bytes[2]) << 8 | UInt16(bytes[3])
        timestamp = bytes[4..<8].reduce(0) { $0 << 8 | UInt32($1) }
        ssrc = bytes[8..<12].reduce(0) { $0 << 8 | UInt32($1) }
        payload = Array(bytes[start..<end])
    }

    init(payloadType: Int, marker: Bool, sequenceNumber: UInt16, timestamp: UInt32, ssrc: UInt32, payload: [UInt8]) {
        self.payloadType = payloadType
        self.marker = marker
        self.sequenceNumber = sequenceNumber
        self.timestamp = timestamp
        self.ssrc = ssrc
        self.payload = payload
    }
}
