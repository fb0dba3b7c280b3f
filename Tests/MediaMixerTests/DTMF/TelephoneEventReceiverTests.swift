import Foundation
import MediaMixer
import Testing

@Suite("RFC 4733 telephone events: payload, receiver, sender")
struct TelephoneEventReceiverTests {
    /// SIPp's captures of one RFC 2833 key press each, as shipped by Debian's sip-tester package.
    static let captureDirectory = URL(fileURLWithPath: "/usr/share/sip-tester")
    static let captureNames = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "star", "pound"]

    /// Every `.ended` event in `actions`.
    static func ended(_ actions: [TelephoneEventReceiver.Action]) -> [DTMFEvent] {
        actions.compactMap { if case .ended(let event) = $0 { event } else { nil } }
    }

    /// Every `.began` digit in `actions`.
    static func began(_ actions: [TelephoneEventReceiver.Action]) -> [DTMFDigit] {
        actions.compactMap { if case .began(let digit) = $0 { digit } else { nil } }
    }

    @Test("Payload parses and serialises every field (RFC 4733 §2.3)")
    func payloadRoundTrip() throws {
        let payload = try #require(TelephoneEventPayload([0x0B, 0x8A, 0x08, 0xC0]))
        #expect(payload.digit == .pound)
        #expect(payload.isEnd)
        #expect(payload.volume == 10)
        #expect(payload.duration == 2240)
        #expect(payload.bytes == [0x0B, 0x8A, 0x08, 0xC0])
        #expect(TelephoneEventPayload([0x01, 0x0A, 0x00]) == nil)
        // The reserved bit is ignored on receipt.
        #expect(TelephoneEventPayload([0x05, 0x4A, 0x01, 0x40])?.isEnd == false)
        var buffer = [UInt8](repeating: 0, count: 4)
        let written = buffer.withUnsafeMutableBufferPointer {
            TelephoneEventPayload(digit: .d, isEnd: false, volume: 63, duration: 0xFFFF).write(into: $0)
        }
        #expect(written == 4 && buffer == [15, 63, 0xFF, 0xFF])
    }

    @Test("SIPp's twelve captures: each key reported once, in capture order, with its duration")
    func sippCaptures() throws {
        var captured: [(name: String, packets: [CapturedRTPPacket])] = []
        for name in Self.captureNames {
            let url = Self.captureDirectory.appendingPathComponent("dtmf_2833_\(name).pcap")
            let packets = try PcapRTPReader(contentsOf: url).packets.filter { $0.payloadType == 101 }
            #expect(packets.count == 10, "7 updates and 3 end packets in \(name)")
            captured.append((name, packets))
        }
        // One stream, in the order the keys were pressed (their RTP timestamps).
        captured.sort { $0.packets[0].timestamp < $1.packets[0].timestamp }
        var receiver = TelephoneEventReceiver()
        var actions: [TelephoneEventReceiver.Action] = []
        var now = Duration.zero
        for (_, packets) in captured {
            for packet in packets {
                now += .milliseconds(20)
                actions += receiver.receive(timestamp: packet.timestamp, marker: packet.marker, payload: packet.payload, now: now)
            }
        }
        let expected = captured.map { entry in
            entry.name == "star" ? DTMFDigit.star : entry.name == "pound" ? .pound : DTMFDigit(Character(entry.name))!
        }
        #expect(expected.map(\.character) == Array("1023456789*#"))
        #expect(Self.began(actions) == expected)
        let ended = Self.ended(actions)
        #expect(ended.map(\.digit) == expected)
        // Every capture ends with duration 0x08C0 = 2240 units at 8 kHz: 280 ms.
        #expect(ended.allSatisfy { $0.duration == .milliseconds(280) && $0.source == .rtpEvent })
        #expect(receiver.expiryDeadline == nil)
    }

    @Test("Sender to receiver: duplicated end packets and a lost start still give one key")
    func senderReceiverRoundTrip() {
        let sender = TelephoneEventSender()
        var packets = sender.packets(for: .seven, duration: .milliseconds(100), startingAt: 16_000)
        #expect(packets.count == 4 + 3)
        #expect(packets.allSatisfy { $0.timestamp == 16_000 })
        #expect(packets.map(\.marker) == [true, false, false, false, false, false, false])
        #expect(packets.map(\.payload.duration) == [160, 320, 480, 640, 800, 800, 800])
        #expect(packets.suffix(3).allSatisfy { $0.payload.isEnd })
        #expect(packets[3].payload.isEnd == false)
        #expect(packets.last?.sendOffset == .milliseconds(100))

        // Lose the start, duplicate the end once more.
        packets.removeFirst()
        packets.append(packets[packets.count - 1])
        let second = sender.packets(for: .a, duration: .milliseconds(60), startingAt: 16_000 + 2000)
        var receiver = TelephoneEventReceiver()
        var actions: [TelephoneEventReceiver.Action] = []
        for (index, packet) in (packets + second).enumerated() {
            actions += receiver.receive(timestamp: packet.timestamp, marker: packet.marker, payload: packet.payload.bytes, now: .milliseconds(20 * index))
        }
        #expect(Self.began(actions) == [.seven, .a])
        #expect(Self.ended(actions) == [
            DTMFEvent(digit: .seven, duration: .milliseconds(100), source: .rtpEvent),
            DTMFEvent(digit: .a, duration: .milliseconds(60), source: .rtpEvent),
        ])
    }

    @Test("A lost end is reported once: by the next key, or by the timeout")
    func lostEnd() {
        let sender = TelephoneEventSender()
        let first = sender.packets(for: .one, duration: .milliseconds(80), startingAt: 0).filter { !$0.payload.isEnd }
        let second = sender.packets(for: .two, duration: .milliseconds(80), startingAt: 4000).filter { !$0.payload.isEnd }
        var receiver = TelephoneEventReceiver(endTimeout: .milliseconds(500))
        var actions: [TelephoneEventReceiver.Action] = []
        var now = Duration.zero
        for packet in first + second {
            now += .milliseconds(20)
            actions += receiver.receive(timestamp: packet.timestamp, marker: packet.marker, payload: packet.payload.bytes, now: now)
        }
        // The second key's first packet ends the first key, with the duration it had reached.
        #expect(Self.ended(actions) == [DTMFEvent(digit: .one, duration: .milliseconds(60), source: .rtpEvent)])
        #expect(receiver.expiryDeadline == now + .milliseconds(500))
        #expect(receiver.expire(now: now + .milliseconds(499)) == nil)
        #expect(receiver.expire(now: now + .milliseconds(500)) == .ended(DTMFEvent(digit: .two, duration: .milliseconds(60), source: .rtpEvent)))
        #expect(receiver.expire(now: now + .seconds(5)) == nil)
        // A straggler of the first key changes nothing.
        #expect(receiver.receive(timestamp: 0, marker: false, payload: first[1].payload.bytes, now: now) == [])
    }

    @Test("A key held past 0xFFFF units is segmented by the sender and reported once (RFC 4733 §2.5.2.3)")
    func longKeyPress() {
        let sender = TelephoneEventSender()
        // 10 s at 8 kHz = 80 000 units: one saturated segment and one of 14 465 units.
        let packets = sender.packets(for: .zero, duration: .seconds(10), startingAt: UInt32.max - 1000)
        let timestamps = Set(packets.map(\.timestamp))
        #expect(timestamps == [UInt32.max - 1000, (UInt32.max - 1000) &+ 0xFFFF], "the segment timestamp wraps")
        #expect(packets.filter(\.marker).count == 1)
        #expect(packets.contains { $0.payload.duration == 0xFFFF && !$0.payload.isEnd })
        #expect(packets.suffix(3).allSatisfy { $0.payload.isEnd && $0.payload.duration == 14_465 }, "80 000 − 65 535 units")
        var receiver = TelephoneEventReceiver()
        var actions: [TelephoneEventReceiver.Action] = []
        for (index, packet) in packets.enumerated() {
            actions += receiver.receive(timestamp: packet.timestamp, marker: packet.marker, payload: packet.payload.bytes, now: .milliseconds(20 * index))
        }
        #expect(Self.began(actions) == [.zero])
        #expect(Self.ended(actions) == [DTMFEvent(digit: .zero, duration: .seconds(10), source: .rtpEvent)])
    }

    /// The packets baresip 1.0 sent for one press of 1 (captured from the bridge), its third
    /// update restamped 80 units on, then a second press of 1.
    @Test("A restamped update of a running event is the same key, once; a new press of the key still counts")
    func restampedUpdateIsTheSameKey() {
        var receiver = TelephoneEventReceiver()
        let packets: [(timestamp: UInt32, marker: Bool, payload: [UInt8])] = [
            (51822, true, [1, 10, 0, 160]), (51822, false, [1, 10, 1, 64]), (51902, false, [1, 10, 1, 224]),
            (51822, false, [1, 10, 2, 128]), (51822, false, [1, 10, 3, 32]), (51822, false, [1, 138, 3, 32]),
            (51822, false, [1, 138, 3, 32]), (51822, false, [1, 138, 3, 32]),
            (54062, true, [1, 10, 0, 160]), (54062, false, [1, 138, 2, 128]),
        ]
        var actions: [TelephoneEventReceiver.Action] = []
        for (index, packet) in packets.enumerated() {
            actions += receiver.receive(timestamp: packet.timestamp, marker: packet.marker, payload: packet.payload, now: .milliseconds(20 * index))
        }
        #expect(Self.began(actions) == [.one, .one])
        #expect(Self.ended(actions).map(\.duration) == [.microseconds(100_000), .microseconds(80_000)])
    }

    @Test("Events other than DTMF keys and short payloads are ignored")
    func nonDTMFEvents() {
        var receiver = TelephoneEventReceiver()
        // Event 16 is flash-hook (RFC 4734 §3.2).
        #expect(receiver.receive(timestamp: 1, marker: true, payload: [16, 0x8A, 0, 160], now: .zero) == [])
        #expect(receiver.receive(timestamp: 2, marker: true, payload: [1, 0x0A], now: .zero) == [])
        #expect(receiver.expiryDeadline == nil)
    }
}
