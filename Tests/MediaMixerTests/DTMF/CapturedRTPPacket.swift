/// One RTP packet taken from a capture.
struct CapturedRTPPacket {
    var payloadType: UInt8
    var marker: Bool
    var sequenceNumber: UInt16
    var timestamp: UInt32
    var ssrc: UInt32
    var payload: [UInt8]
}
