/// Turns a stream of RFC 4733 telephone-event packets into key presses, each reported once.
///
/// A sender repeats every event: updates while the key is held, three copies of the end packet
/// (§2.5.1.4), and for keys held longer than 0xFFFF timestamp units, further segments (§2.5.2.3).
/// Packets can be lost or reordered. The receiver keys each event on its RTP timestamp, which all
/// packets of one event share (§2.5.1.2), not on sequence numbers (an update restamped inside the
/// running event's span, as baresip sends one, still belongs to it), and reports:
///
/// - ``Action/began(_:)`` on the first packet seen of a new event, whether or not it is the
///   marker packet (the start packet may be lost);
/// - ``Action/ended(_:)`` once per event with its total duration: on its first end packet, when a
///   packet of a newer event arrives before any end packet did, or from ``expire(now:)`` when the
///   stream goes quiet (all end packets lost).
///
/// Sans-I/O: the caller feeds packets and the time, and performs the actions. Times are
/// `Duration`s since any fixed epoch of the caller's monotonic clock.
public struct TelephoneEventReceiver: Sendable {
    /// What the caller should do after a packet or a timeout.
    public enum Action: Hashable, Sendable {
        /// A key went down: act at once (an IVR stops its prompt).
        case began(DTMFDigit)
        /// A key press is over; the event carries its whole duration.
        case ended(DTMFEvent)
    }

    /// The event whose end has not been seen yet.
    private struct ActiveEvent: Sendable {
        var digit: DTMFDigit
        /// Timestamp of the current segment (the event's first for events under 0xFFFF units).
        var segmentTimestamp: UInt32
        /// Highest duration seen in the current segment.
        var segmentDuration: UInt16
        /// Timestamp units of the segments before the current one.
        var earlierSegmentsDuration: Int
        /// When the latest packet of the event arrived.
        var lastPacketTime: Duration

        var totalDuration: Int {
            earlierSegmentsDuration + Int(segmentDuration)
        }
    }

    /// The RTP clock rate of the telephone-event payload type, in Hz (the `a=rtpmap` rate).
    public let clockRate: Int
    /// How long after its last packet an event without an end packet is declared over.
    public let endTimeout: Duration

    private var active: ActiveEvent?
    /// The timestamp of the last ended event, so its end retransmissions are recognised.
    private var lastEndedTimestamp: UInt32?

    /// Creates a receiver.
    ///
    /// - Parameters:
    ///   - clockRate: The telephone-event clock rate; 8000 for the audio codecs of RFC 3551.
    ///   - endTimeout: Quiet time after which an unterminated event ends. Senders update at
    ///     least every 50 ms (§2.5.1.2 suggests the packet time), so 500 ms means the end was lost.
    public init(clockRate: Int = 8000, endTimeout: Duration = .milliseconds(500)) {
        self.clockRate = clockRate
        self.endTimeout = endTimeout
    }

    /// When ``expire(now:)`` should next be called, or `nil` while no event is open.
    public var expiryDeadline: Duration? {
        active.map { $0.lastPacketTime + endTimeout }
    }

    /// Takes one received telephone-event packet.
    ///
    /// - Parameters:
    ///   - timestamp: The packet's RTP timestamp: the event's start time (§2.3.6).
    ///   - marker: The RTP M bit, set on an event's first packet (§2.3.2); a lost first packet is
    ///     handled without it, so it only confirms a new event.
    ///   - payload: The RTP payload.
    ///   - now: Arrival time.
    /// - Returns: What happened, oldest first; empty for repeats and non-DTMF events.
    public mutating func receive(
        timestamp: UInt32,
        marker: Bool,
        payload: some Collection<UInt8>,
        now: Duration
    ) -> [Action] {
        guard let packet = TelephoneEventPayload(payload), let digit = packet.digit else { return [] }
        if var event = active {
            if timestamp == event.segmentTimestamp, digit == event.digit {
                event.segmentDuration = max(event.segmentDuration, packet.duration)
                event.lastPacketTime = now
                return update(event, isEnd: packet.isEnd)
            }
            // §2.5.2.3: a long event continues in a new segment whose timestamp is where the
            // saturated one stopped, without the marker bit.
            if !marker, digit == event.digit, event.segmentDuration == TelephoneEventPayload.maximumDuration,
               timestamp == event.segmentTimestamp &+ UInt32(TelephoneEventPayload.maximumDuration) {
                event.earlierSegmentsDuration += Int(event.segmentDuration)
                event.segmentTimestamp = timestamp
                event.segmentDuration = packet.duration
                event.lastPacketTime = now
                return update(event, isEnd: packet.isEnd)
            }
            // A sender that restamps one update of a running event (baresip 1.0 moves one packet
            // half a frame on): the same key without the marker, stamped inside the event's span
            // so far, is the same press, not a new one.
            let offset = timestamp &- event.segmentTimestamp
            if !marker, digit == event.digit, offset > 0, offset < UInt32(event.segmentDuration) {
                event.segmentDuration = max(event.segmentDuration, packet.duration)
                event.lastPacketTime = now
                return update(event, isEnd: packet.isEnd)
            }
        }
        if timestamp == lastEndedTimestamp || isOlderThanCurrent(timestamp) {
            // An end retransmission (§2.5.1.4) or a straggler of an event already reported.
            return []
        }
        var actions: [Action] = []
        if let unfinished = active {
            // The end packets were lost: a newer event ends the previous one.
            actions.append(.ended(report(unfinished)))
            lastEndedTimestamp = unfinished.segmentTimestamp
        }
        actions.append(.began(digit))
        let event = ActiveEvent(
            digit: digit,
            segmentTimestamp: timestamp,
            segmentDuration: packet.duration,
            earlierSegmentsDuration: 0,
            lastPacketTime: now
        )
        active = event
        actions += update(event, isEnd: packet.isEnd)
        return actions
    }

    /// Ends an open event whose packets stopped coming without an end packet.
    /// - Returns: the event's end when ``expiryDeadline`` has passed, else `nil`.
    public mutating func expire(now: Duration) -> Action? {
        guard let event = active, now >= event.lastPacketTime + endTimeout else { return nil }
        active = nil
        lastEndedTimestamp = event.segmentTimestamp
        return .ended(report(event))
    }

    /// Stores the event, ending it when the packet carries the E bit.
    private mutating func update(_ event: ActiveEvent, isEnd: Bool) -> [Action] {
        guard isEnd else {
            active = event
            return []
        }
        active = nil
        lastEndedTimestamp = event.segmentTimestamp
        return [.ended(report(event))]
    }

    /// Whether `timestamp` lies before the open or the last ended event (RTP timestamps wrap, so
    /// compared as serial numbers within half the 32-bit space).
    private func isOlderThanCurrent(_ timestamp: UInt32) -> Bool {
        guard let reference = active?.segmentTimestamp ?? lastEndedTimestamp else { return false }
        return Int32(bitPattern: timestamp &- reference) < 0
    }

    private func report(_ event: ActiveEvent) -> DTMFEvent {
        let microseconds = Int64(event.totalDuration) * 1_000_000 / Int64(clockRate)
        return DTMFEvent(digit: event.digit, duration: .microseconds(microseconds), source: .rtpEvent)
    }
}
