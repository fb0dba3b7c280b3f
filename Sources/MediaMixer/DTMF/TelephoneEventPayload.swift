/// The four-byte payload of an RTP telephone-event packet (RFC 4733 §2.3):
///
/// ```
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// |     event     |E|R| volume    |          duration             |
/// ```
public struct TelephoneEventPayload: Hashable, Sendable {
    /// The payload's size in bytes.
    public static let size = 4
    /// The largest duration one packet can state; longer events are split into segments (§2.5.2.3).
    public static let maximumDuration = UInt16.max

    /// The event code (§3.2 for DTMF: 0–15; other codes belong to other event registries).
    public var event: UInt8
    /// The E bit: this packet reports the end of the event (§2.3.4).
    public var isEnd: Bool
    /// The power level as a positive number of dB below 0 dBm0, 0–63 (§2.3.5).
    public var volume: UInt8
    /// The event's duration so far, in RTP timestamp units, counted from the packet's timestamp (§2.3.6).
    public var duration: UInt16

    /// Creates a payload.
    public init(event: UInt8, isEnd: Bool, volume: UInt8, duration: UInt16) {
        self.event = event
        self.isEnd = isEnd
        self.volume = volume & 0x3F
        self.duration = duration
    }

    /// Creates the payload of a DTMF key.
    public init(digit: DTMFDigit, isEnd: Bool, volume: UInt8 = 10, duration: UInt16) {
        self.init(event: digit.rawValue, isEnd: isEnd, volume: volume, duration: duration)
    }

    /// Parses a payload; `nil` when it is shorter than four bytes. Bytes beyond the fourth (a
    /// redundant second event block) are ignored, and so is the reserved R bit (§2.3.3).
    public init?(_ bytes: some Collection<UInt8>) {
        guard bytes.count >= Self.size else { return nil }
        var iterator = bytes.makeIterator()
        guard let event = iterator.next(), let flags = iterator.next(),
              let high = iterator.next(), let low = iterator.next()
        else { return nil }
        self.init(event: event, isEnd: flags & 0x80 != 0, volume: flags & 0x3F, duration: UInt16(high) << 8 | UInt16(low))
    }

    /// The key when the event is a DTMF event, else `nil`.
    public var digit: DTMFDigit? {
        DTMFDigit(rawValue: event)
    }

    /// The payload's four bytes, in network order.
    public var bytes: [UInt8] {
        [event, (isEnd ? 0x80 : 0) | volume, UInt8(duration >> 8), UInt8(duration & 0xFF)]
    }

    /// Writes the four bytes into the start of `buffer` without allocating.
    /// - Returns: bytes written: 4, or 0 when `buffer` is too small.
    public func write(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        guard buffer.count >= Self.size else { return 0 }
        buffer[0] = event
        buffer[1] = (isEnd ? 0x80 : 0) | volume
        buffer[2] = UInt8(duration >> 8)
        buffer[3] = UInt8(duration & 0xFF)
        return Self.size
    }
}
