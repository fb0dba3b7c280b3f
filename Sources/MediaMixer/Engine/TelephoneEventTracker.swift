/// Turns a stream of RFC 4733 telephone-event payloads into one report per key press.
///
/// A sender repeats each event's packets (duration updates, then the end packet three times), all
/// with the event's start timestamp (RFC 4733 §2.5.1.3); a new timestamp is a new key press. The
/// first packet seen of an event reports it, so a lost start packet costs nothing.
struct TelephoneEventTracker {
    private var lastEventTimestamp: UInt32?

    /// Reads one payload; returns the key when this packet begins an event not reported yet.
    mutating func receive(_ payload: UnsafeRawBufferPointer, timestamp: UInt32) -> Character? {
        // RFC 4733 §2.3: event (8 bits), E|R|volume (8 bits), duration (16 bits).
        guard payload.count >= 4, timestamp != lastEventTimestamp else { return nil }
        lastEventTimestamp = timestamp
        return Self.key(of: payload[0])
    }

    /// RFC 4733 §3.2 Table 3: events 0–9 are the digits, 10 `*`, 11 `#`, 12–15 `A`–`D`.
    private static func key(of event: UInt8) -> Character? {
        switch event {
        case 0...9: Character(Unicode.Scalar(UInt8(ascii: "0") + event))
        case 10: "*"
        case 11: "#"
        case 12...15: Character(Unicode.Scalar(UInt8(ascii: "A") + event - 12))
        default: nil
        }
    }
}
