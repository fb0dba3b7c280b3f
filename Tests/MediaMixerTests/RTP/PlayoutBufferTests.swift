@testable import MediaMixer
import Testing

@Suite("Playout buffer")
struct PlayoutBufferTests {
    /// A buffer and the source its packets come from; each packet's payload is its sequence number.
    private struct Stream {
        let buffer: PlayoutBuffer
        var source: UInt32 = 0x1234

        init(startDepth: Int = 3, trimAbove: Int = 1, slots: Int = 16) {
            buffer = PlayoutBuffer(slots: slots, payloadCapacity: 8, startDepth: startDepth, trimAbove: trimAbove)
        }

        func arrive(_ sequences: UInt16..., payloadType: Int = 0) {
            for sequence in sequences {
                let bytes: [UInt8] = [UInt8(sequence >> 8), UInt8(sequence & 0xFF)]
                bytes.withUnsafeBytes { payload in
                    buffer.write(
                        sequence: sequence, timestamp: UInt32(sequence) * 160, payloadType: payloadType, marker: false,
                        source: source, payload: payload)
                }
            }
        }

        /// One tick's take: the sequence number in the payload, or `nil`.
        func take() -> UInt16? {
            var bytes = [UInt8](repeating: 0, count: 8)
            let packet = bytes.withUnsafeMutableBytes { buffer.take(into: $0) }
            guard let packet else { return nil }
            #expect(packet.bytes == 2)
            #expect(packet.timestamp == (UInt32(bytes[0]) << 8 | UInt32(bytes[1])) * 160)
            return UInt16(bytes[0]) << 8 | UInt16(bytes[1])
        }

        func take(_ count: Int) -> [UInt16?] {
            (0..<count).map { _ in take() }
        }
    }

    @Test("Playback starts once the starting depth waits, then follows the sequence numbers, reordered packets included")
    func startsAtDepthInSequenceOrder() {
        let stream = Stream()
        stream.arrive(100)
        #expect(stream.take() == nil)
        stream.arrive(102, 101)
        #expect(stream.take(3) == [100, 101, 102])
    }

    @Test("Playback starts after as many ticks as the depth even when fewer packets came")
    func startsAfterWaiting() {
        let stream = Stream()
        stream.arrive(7)
        #expect(stream.take(3) == [nil, nil, 7])
    }

    @Test("A missing packet with later ones waiting is a loss: nothing that tick, then the next")
    func lossMovesOn() {
        let stream = Stream(startDepth: 1)
        stream.arrive(1, 3, 4)
        #expect(stream.take(4) == [1, nil, 3, 4])
    }

    @Test("An empty buffer stops playback until the cushion is built again; a packet that comes too late is dropped")
    func underrunRebuffers() {
        let stream = Stream(startDepth: 2)
        stream.arrive(1, 2)
        #expect(stream.take(3) == [1, 2, nil])
        stream.arrive(4)
        #expect(stream.take() == nil, "one packet waits, the depth is two")
        stream.arrive(5)
        #expect(stream.take(2) == [4, 5])
        stream.arrive(3)
        #expect(stream.buffer.isEmpty && stream.buffer.droppedPackets == 1)
    }

    @Test("A new source, or a sequence jump past the limit, starts afresh")
    func newSourceStartsAfresh() {
        var stream = Stream(startDepth: 1)
        stream.arrive(10, 11)
        #expect(stream.take() == 10)
        stream.source = 0x9999
        stream.arrive(500)
        #expect(stream.take() == 500)
        stream.arrive(40_000)
        #expect(stream.take() == 40_000)
        stream.arrive(65_535, 0, 1)
        #expect(stream.take(3) == [65_535, 0, 1], "the sequence number wraps")
    }

    @Test("Adaptive playout drops the oldest packet after a second with more than one always waiting")
    func adaptiveTrimsExcessDelay() {
        let stream = Stream(startDepth: 4, trimAbove: 1)
        var next: UInt16 = 0
        stream.arrive(0, 1, 2, 3)
        next = 4
        var played: [UInt16?] = []
        for _ in 0..<50 {
            stream.arrive(next)
            next += 1
            played.append(stream.take())
        }
        #expect(played.prefix(49).allSatisfy { $0 != nil })
        #expect(stream.buffer.count == 3, "one of the four waiting was dropped at the end of the second")
        #expect(stream.buffer.droppedPackets == 1)
        #expect(stream.take() == 51)
    }

    @Test("Fixed playout keeps its starting delay")
    func fixedKeepsDelay() {
        let stream = Stream(startDepth: 4, trimAbove: 4)
        stream.arrive(0, 1, 2, 3)
        for sequence in UInt16(4)..<104 {
            stream.arrive(sequence)
            #expect(stream.take() == sequence - 4)
        }
        #expect(stream.buffer.droppedPackets == 0)
    }

    @Test("A burst beyond the ring drops the oldest packets; an oversized payload is dropped")
    func overflowAndOversize() {
        let stream = Stream(startDepth: 1, slots: 4)
        stream.arrive(0, 1, 2, 3, 4, 5)
        #expect(stream.take(4) == [2, 3, 4, 5])
        [UInt8](repeating: 0, count: 9).withUnsafeBytes { payload in
            stream.buffer.write(sequence: 6, timestamp: 0, payloadType: 0, marker: false, source: stream.source, payload: payload)
        }
        #expect(stream.buffer.isEmpty)
        #expect(stream.buffer.droppedPackets == 3)
    }
}
