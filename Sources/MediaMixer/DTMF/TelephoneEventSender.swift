/// Builds the RFC 4733 packet sequence that signals one key press.
///
/// The sequence follows §2.5.1: every packet carries the event's start timestamp; the first has
/// the RTP marker bit; an update follows every packet time with the duration so far; the end
/// packet, with the E bit and the final duration, is sent three times (§2.5.1.4). A press longer
/// than 0xFFFF timestamp units is cut into segments (§2.5.2.3): the saturated segment's last packet
/// states 0xFFFF, and the next segment starts at the timestamp where it stopped, without the marker.
public struct TelephoneEventSender: Sendable {
    /// One packet to send.
    public struct Packet: Hashable, Sendable {
        /// The RTP timestamp: the start of the event (or of its segment).
        public var timestamp: UInt32
        /// The RTP marker bit: set on the first packet of an event only.
        public var marker: Bool
        /// The four-byte payload.
        public var payload: TelephoneEventPayload
        /// When to send the packet, counted from the key press.
        public var sendOffset: Duration
    }

    /// The RTP clock rate of the telephone-event payload type, in Hz.
    public let clockRate: Int
    /// Milliseconds between updates; the audio stream's packet time.
    public let ptime: Int
    /// The power level stated in every packet, in dB below 0 dBm0 (§2.3.5).
    public let volume: UInt8
    /// How many times the end packet is sent (§2.5.1.4 asks for three).
    public static let endPacketCount = 3

    /// Creates a sender.
    public init(clockRate: Int = 8000, ptime: Int = 20, volume: UInt8 = 10) {
        self.clockRate = clockRate
        self.ptime = ptime
        self.volume = volume
    }

    /// The packets for `digit` held for `duration`, starting at RTP timestamp `timestamp`.
    ///
    /// The caller sends them at their ``Packet/sendOffset`` on the audio stream's SSRC and
    /// sequence numbers, in place of audio, then resumes audio with timestamps after the event.
    public func packets(for digit: DTMFDigit, duration: Duration, startingAt timestamp: UInt32) -> [Packet] {
        let step = clockRate * ptime / 1000
        let total = max(step, Int(duration / .microseconds(1)) * clockRate / 1_000_000)
        let segmentLength = Int(TelephoneEventPayload.maximumDuration)
        var packets: [Packet] = []
        var elapsed = 0
        var segmentStart = 0
        while elapsed < total {
            elapsed = min(elapsed + step, total)
            let isLast = elapsed == total
            let segmentElapsed = elapsed - segmentStart
            // Saturate the segment, then open the next one where it stopped (§2.5.2.3).
            if segmentElapsed > segmentLength || (segmentElapsed == segmentLength && !isLast) {
                packets.append(packet(digit, segmentStart, duration: segmentLength, isEnd: false, timestamp, at: segmentStart + segmentLength, marker: packets.isEmpty))
                segmentStart += segmentLength
                if elapsed == segmentStart { continue }
            }
            for _ in 0..<(isLast ? Self.endPacketCount : 1) {
                packets.append(packet(digit, segmentStart, duration: elapsed - segmentStart, isEnd: isLast, timestamp, at: elapsed, marker: packets.isEmpty))
            }
        }
        return packets
    }

    private func packet(
        _ digit: DTMFDigit,
        _ segmentStart: Int,
        duration: Int,
        isEnd: Bool,
        _ eventTimestamp: UInt32,
        at elapsed: Int,
        marker: Bool
    ) -> Packet {
        Packet(
            timestamp: eventTimestamp &+ UInt32(truncatingIfNeeded: segmentStart),
            marker: marker,
            payload: TelephoneEventPayload(digit: digit, isEnd: isEnd, volume: volume, duration: UInt16(duration)),
            sendOffset: .microseconds(Int64(elapsed) * 1_000_000 / Int64(clockRate))
        )
    }
}
