import MediaMixer
import Testing

@Suite("RTP session symmetric latching and source changes")
struct RTPSessionLatchingTests {
    private func session(symmetric: Bool) throws -> RTPSession {
        try RTPSession(localAddress: "127.0.0.1", payloadType: 0, clockRate: 8_000, encodingName: "PCMU", symmetricRTP: symmetric)
    }

    /// Pulls packets for up to 40 ticks; returns the payloads' first bytes.
    private func drain(_ receiver: RTPSession, from clock: inout UInt32) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: 512)
        var firstBytes: [UInt8] = []
        for _ in 0..<40 {
            if let packet = try receiver.receive(timestamp: clock, into: &buffer), packet.bytes > 0 { firstBytes.append(buffer[0]) }
            clock &+= 160
        }
        return firstBytes
    }

    @Test("With symmetric RTP, replies go to where the peer's packets came from, not to the configured address")
    func symmetricSessionLatchesOntoSource() throws {
        let bridge = try session(symmetric: true)
        let phone = try session(symmetric: false)
        let wrongAddress = try session(symmetric: false)
        try bridge.setRemote(address: "127.0.0.1", port: wrongAddress.localPort, rtcpPort: wrongAddress.localRTCPPort)
        try phone.setRemote(address: "127.0.0.1", port: bridge.localPort, rtcpPort: bridge.localRTCPPort)

        for index in 0..<10 { try phone.send(payload: [UInt8](repeating: 7, count: 160), timestamp: UInt32(index * 160)) }
        var bridgeClock: UInt32 = 0
        #expect(try drain(bridge, from: &bridgeClock).count == 10)

        for index in 0..<10 { try bridge.send(payload: [UInt8](repeating: 9, count: 160), timestamp: UInt32(index * 160)) }
        var phoneClock: UInt32 = 0
        var wrongClock: UInt32 = 0
        #expect(try drain(phone, from: &phoneClock) == [UInt8](repeating: 9, count: 10))
        #expect(try drain(wrongAddress, from: &wrongClock).isEmpty)
    }

    @Test("A new SSRC with its own timestamp base is followed after resynchronize()")
    func newSourceIsFollowedAfterResync() throws {
        let receiver = try session(symmetric: true)
        let first = try session(symmetric: false)
        let second = try session(symmetric: false)
        try first.setRemote(address: "127.0.0.1", port: receiver.localPort, rtcpPort: receiver.localRTCPPort)
        try second.setRemote(address: "127.0.0.1", port: receiver.localPort, rtcpPort: receiver.localRTCPPort)

        for index in 0..<5 { try first.send(payload: [UInt8](repeating: 1, count: 160), timestamp: UInt32(10_000 + index * 160)) }
        var clock: UInt32 = 0
        #expect(try drain(receiver, from: &clock) == [UInt8](repeating: 1, count: 5))
        let firstSource = receiver.remoteSSRC
        #expect(firstSource == first.ssrc)

        // The new source starts far away on the timestamp line; its first packets are what oRTP needs
        // to accept it (the SSRC change threshold), after which the session maps it afresh.
        for index in 0..<5 { try second.send(payload: [UInt8](repeating: 2, count: 160), timestamp: UInt32(3_000_000_000 + index * 160)) }
        _ = try drain(receiver, from: &clock)
        #expect(receiver.remoteSSRC == second.ssrc)
        receiver.resynchronize()
        for index in 5..<15 { try second.send(payload: [UInt8](repeating: 2, count: 160), timestamp: UInt32(3_000_000_000 + index * 160)) }
        #expect(try drain(receiver, from: &clock) == [UInt8](repeating: 2, count: 10))
    }
}
