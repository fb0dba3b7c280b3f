import Foundation

/// One RTP packet taken from a capture.
struct CapturedRTPPacket {
    var payloadType: UInt8
    var marker: Bool
    var sequenceNumber: UInt16
    var timestamp: UInt32
    var ssrc: UInt32
    var payload: [UInt8]
}

/// Reads RTP packets out of a classic pcap file (libpcap format, Ethernet link type, IPv4, UDP).
///
/// Only what the DTMF captures need: no pcapng, no IPv6, no IP fragments, no VLAN tags.
struct PcapRTPReader {
    enum ReadError: Error {
        case notClassicPcap
        case unsupportedLinkType(UInt32)
        case truncated
    }

    let packets: [CapturedRTPPacket]

    init(contentsOf url: URL) throws {
        let data = [UInt8](try Data(contentsOf: url))
        guard data.count >= 24 else { throw ReadError.truncated }
        let magic = Self.uint32(data, 0, bigEndian: false)
        // The magic number tells the file's byte order (microsecond or nanosecond variants).
        let bigEndian: Bool
        switch magic {
        case 0xA1B2_C3D4, 0xA1B2_3C4D: bigEndian = false
        case 0xD4C3_B2A1, 0x4D3C_B2A1: bigEndian = true
        default: throw ReadError.notClassicPcap
        }
        let linkType = Self.uint32(data, 20, bigEndian: bigEndian)
        guard linkType == 1 else { throw ReadError.unsupportedLinkType(linkType) }
        var packets: [CapturedRTPPacket] = []
        var offset = 24
        while offset + 16 <= data.count {
            let capturedLength = Int(Self.uint32(data, offset + 8, bigEndian: bigEndian))
            let start = offset + 16
            offset = start + capturedLength
            guard offset <= data.count else { throw ReadError.truncated }
            if let packet = Self.rtp(in: data[start..<offset]) { packets.append(packet) }
        }
        self.packets = packets
    }

    /// The RTP packet inside an Ethernet frame, or `nil` when the frame is not IPv4/UDP/RTP.
    private static func rtp(in frame: ArraySlice<UInt8>) -> CapturedRTPPacket? {
        let bytes = Array(frame)
        // Ethernet II: 14 bytes, EtherType 0x0800 for IPv4.
        guard bytes.count > 14, bytes[12] == 0x08, bytes[13] == 0x00 else { return nil }
        let ip = 14
        let headerLength = Int(bytes[ip] & 0x0F) * 4
        guard bytes[ip] >> 4 == 4, bytes[ip + 9] == 17 else { return nil }
        let udp = ip + headerLength
        let rtp = udp + 8
        guard bytes.count >= rtp + 12, bytes[rtp] >> 6 == 2 else { return nil }
        let csrcCount = Int(bytes[rtp] & 0x0F)
        let payloadStart = rtp + 12 + 4 * csrcCount
        guard payloadStart <= bytes.count else { return nil }
        return CapturedRTPPacket(
            payloadType: bytes[rtp + 1] & 0x7F,
            marker: bytes[rtp + 1] & 0x80 != 0,
            sequenceNumber: UInt16(bytes[rtp + 2]) << 8 | UInt16(bytes[rtp + 3]),
            timestamp: uint32(bytes, rtp + 4, bigEndian: true),
            ssrc: uint32(bytes, rtp + 8, bigEndian: true),
            payload: Array(bytes[payloadStart...])
        )
    }

    private static func uint32(_ bytes: [UInt8], _ offset: Int, bigEndian: Bool) -> UInt32 {
        let value = bytes[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return bigEndian ? value : value.byteSwapped
    }
}
