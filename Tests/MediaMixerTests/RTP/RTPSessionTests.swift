import Glibc
import MediaMixer
import MediaTesting
import Testing

@Suite("RTP session over oRTP")
struct RTPSessionTests {
    /// Two sessions on loopback with picked ports, `sender` aimed at `receiver`.
    private func loopbackPair(
        payloadType: Int,
        clockRate: Int,
        encodingName: String
    ) throws -> (sender: RTPSession, receiver: RTPSession) {
        let receiver = try RTPSession(
            localAddress: "127.0.0.1", payloadType: payloadType, clockRate: clockRate, encodingName: encodingName
        )
        let sender = try RTPSession(
            localAddress: "127.0.0.1", payloadType: payloadType, clockRate: clockRate, encodingName: encodingName
        )
        try sender.setRemote(address: "127.0.0.1", port: receiver.localPort, rtcpPort: receiver.localRTCPPort)
        return (sender, receiver)
    }

    /// A 160-byte payload whose every byte depends on `index`, so swapped or corrupted packets show.
    private func pcmuPayload(_ index: Int) -> [UInt8] {
        (0..<160).map { UInt8(truncatingIfNeeded: index &* 37 &+ $0 &* 3) }
    }

    @Test("Fifty PCMU packets arrive whole, in order, pulled by timestamp")
    func pcmuPacketsArriveIntact() throws {
        let (sender, receiver) = try loopbackPair(payloadType: 0, clockRate: 8_000, encodingName: "PCMU")
        #expect(receiver.localPort > 0 && sender.localPort > 0 && receiver.localPort != sender.localPort)
        #expect(receiver.localRTCPPort > 0 && receiver.localRTCPPort != receiver.localPort)

        for index in 0..<50 {
            try sender.send(payload: pcmuPayload(index), timestamp: UInt32(1_000 + index * 160), marker: index == 0)
        }

        var buffer = [UInt8](repeating: 0, count: 512)
        var payloads: [[UInt8]] = []
        var markers: [Bool] = []
        var lastHasMore = true
        var ticksBeforeFirstPacket = 0
        // The receiver's own media clock starts anywhere; one 20 ms tick advances it by 160.
        var clock: UInt32 = 90_000
        for _ in 0..<100 where payloads.count < 50 {
            if let packet = try receiver.receive(timestamp: clock, into: &buffer) {
                #expect(packet.bytes == 160)
                #expect(packet.payloadType == 0)
                payloads.append(Array(buffer[..<packet.bytes]))
                markers.append(packet.marker)
                lastHasMore = packet.hasMore
            } else if payloads.isEmpty {
                ticksBeforeFirstPacket += 1
            } else {
                Issue.record("a tick without a packet in the middle of the stream")
            }
            clock &+= 160
        }
        #expect(payloads == (0..<50).map(pcmuPayload))
        #expect(markers == [true] + [Bool](repeating: false, count: 49))
        #expect(lastHasMore == false)
        // 60 ms of jitter compensation holds the stream back by three 20 ms ticks at most.
        #expect(ticksBeforeFirstPacket <= 3)
        #expect(receiver.remoteSSRC == sender.ssrc)
        #expect(sender.ssrc != receiver.ssrc)
        #expect(try receiver.receive(timestamp: clock, into: &buffer) == nil)
    }

    @Test("With the poll's answer, a socket is read only when it has data, and a burst is caught up")
    func readinessHintGatesSocketReads() throws {
        let (sender, receiver) = try loopbackPair(payloadType: 0, clockRate: 8_000, encodingName: "PCMU")
        let poller = RTPSocketPoller()
        try #require(poller.isAvailable)
        poller.watch(receiver, token: 1)
        var buffer = [UInt8](repeating: 0, count: 512)
        var clock: UInt32 = 4_000

        try sender.send(payload: pcmuPayload(0), timestamp: 0, marker: true)
        var ready = false
        for _ in 0..<200 where !ready {
            poller.poll { _ in ready = true }
        }
        #expect(ready, "the poll sees the datagram")
        for _ in 0..<5 {
            #expect(try receiver.receive(timestamp: clock, into: &buffer, socketReady: false) == nil)
            clock &+= 160
        }
        #expect(receiver.packetsReceived == 0, "told the socket is empty, the session does not read it")

        // The first packet and a burst of 19 more behind it: read as the poll finds them.
        for index in 1..<20 {
            try sender.send(payload: pcmuPayload(index), timestamp: UInt32(index * 160))
        }
        var payloads: [[UInt8]] = []
        for _ in 0..<60 where payloads.count < 20 {
            var socketReady = false
            poller.poll { _ in socketReady = true }
            if let packet = try receiver.receive(timestamp: clock, into: &buffer, socketReady: socketReady) {
                payloads.append(Array(buffer[..<packet.bytes]))
            }
            clock &+= 160
        }
        #expect(receiver.packetsReceived == 20)
        #expect(payloads == (0..<20).map(pcmuPayload), "every packet, in order")
        poller.forget(receiver)
    }

    @Test("An Opus tone crosses RTP on a dynamic payload type and decodes to the same tone")
    func opusToneCrossesRTP() throws {
        let (sender, receiver) = try loopbackPair(payloadType: 111, clockRate: 48_000, encodingName: "opus")
        let encoder = try OpusEncoder(sampleRate: 48_000)
        let decoder = try OpusDecoder(sampleRate: 48_000)
        var tone = ToneGenerator(frequency: 440, sampleRate: 48_000)
        var packet = [UInt8](repeating: 0, count: 1_275)
        for index in 0..<25 {
            let bytes = try encoder.encode(tone.next(960), into: &packet)
            try sender.send(payload: Array(packet[..<bytes]), timestamp: UInt32(index * 960))
        }

        var received = [UInt8](repeating: 0, count: 1_275)
        var frame = [Int16](repeating: 0, count: 960)
        var signal: [Int16] = []
        var clock: UInt32 = 0
        for _ in 0..<40 {
            if let packet = try receiver.receive(timestamp: clock, into: &received) {
                #expect(packet.payloadType == 111)
                let samples = try decoder.decode(Array(received[..<packet.bytes]), into: &frame)
                signal += frame[..<samples]
            }
            clock &+= 960
        }
        #expect(signal.count == 25 * 960)
        let detector = GoertzelDetector(sampleRate: 48_000)
        #expect(detector.relativePower(of: 440, in: Array(signal[4_800...])) > 0.8)
    }

    @Test("A payload larger than the caller's buffer throws and is dropped")
    func smallBufferThrows() throws {
        let (sender, receiver) = try loopbackPair(payloadType: 0, clockRate: 8_000, encodingName: "PCMU")
        try sender.send(payload: pcmuPayload(0), timestamp: 0)
        var small = [UInt8](repeating: 0, count: 100)
        var clock: UInt32 = 0
        var error: RTPSessionError?
        for _ in 0..<10 where error == nil {
            do {
                _ = try receiver.receive(timestamp: clock, into: &small)
            } catch let thrown {
                error = thrown
            }
            clock += 160
        }
        #expect(error?.code == .bufferTooSmall)
    }

    /// A port held by another socket, even one that allows address and port reuse (as a SIP
    /// listener does), is refused rather than shared: a shared UDP port hands its datagrams to
    /// the socket bound last, which would take the other socket's traffic.
    @Test("A port another socket holds is refused, even with reuse allowed there")
    func portHeldWithReuseIsRefused() throws {
        let holder = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        #expect(holder >= 0)
        defer { close(holder) }
        var yes: Int32 = 1
        setsockopt(holder, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        setsockopt(holder, SOL_SOCKET, SO_REUSEPORT, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(holder, generic, length) == 0 && getsockname(holder, generic, &length) == 0
            }
        }
        try #require(bound)
        let heldPort = Int(UInt16(bigEndian: address.sin_port))
        // The held port as the RTP port, or as the RTCP port of the even port below it.
        let rtpPort = heldPort.isMultiple(of: 2) ? heldPort : heldPort - 1
        let error = #expect(throws: RTPSessionError.self) {
            try RTPSession(localAddress: "127.0.0.1", localPort: rtpPort, payloadType: 0, clockRate: 8_000, encodingName: "PCMU")
        }
        #expect(error?.code == .bindFailed)
    }

    @Test("Bad addresses and settings throw RTPSessionError")
    func invalidSettingsThrow() throws {
        let bindError = #expect(throws: RTPSessionError.self) {
            try RTPSession(localAddress: "not-an-address", payloadType: 0, clockRate: 8_000, encodingName: "PCMU")
        }
        #expect(bindError?.code == .bindFailed)
        let typeError = #expect(throws: RTPSessionError.self) {
            try RTPSession(localAddress: "127.0.0.1", payloadType: 128, clockRate: 8_000, encodingName: "PCMU")
        }
        #expect(typeError?.code == .invalidArgument)
        let session = try RTPSession(localAddress: "127.0.0.1", payloadType: 0, clockRate: 8_000, encodingName: "PCMU")
        let remoteError = #expect(throws: RTPSessionError.self) {
            try session.setRemote(address: "not-an-address", port: 4_000)
        }
        #expect(remoteError?.code == .invalidRemoteAddress)
    }
}
