/// One member's received RTP packets waiting for their turn: a ring of preallocated slots indexed
/// by sequence number, handed out one per ``take(into:)`` in sequence order.
///
/// oRTP's own jitter buffer keeps each waiting packet in a message block its allocator finds by
/// walking every block it handed out, on every receive; with 2 000 members that walk was a fifth
/// of the bridge's CPU and grew with the queues whenever the engine fell behind. Here writing and
/// taking a packet cost O(1) and allocate nothing: the slots are allocated with the buffer.
///
/// Playout follows the sequence numbers, not the timestamps: playback starts once `startDepth`
/// packets wait (or as many takes passed since the first one arrived); a missing packet with later
/// ones waiting is a loss (the caller conceals it, the buffer moves on); an empty buffer (a late
/// packet, a pause in the stream, a phone on hold) stops playback until the cushion is built
/// again. When for a whole second more than `trimAbove` packets were always waiting, the oldest
/// is dropped, so the delay follows the jitter down again. A new synchronisation source or a
/// sequence jump of more than ``sequenceJumpLimit``, or ``lateRestartLimit`` late packets in a
/// row (a sender that restarted its sequence a little behind), starts afresh.
///
/// Not thread-safe: the media thread that owns the member's leg uses it.
final class PlayoutBuffer {
    /// One packet handed out: its payload is in the caller's buffer.
    struct Packet {
        let bytes: Int
        let payloadType: Int
        let marker: Bool
        let timestamp: UInt32
    }

    /// What a slot knows of the packet whose payload it holds.
    private struct Slot {
        var occupied = false
        var sequence: UInt16 = 0
        var bytes = 0
        var payloadType: UInt8 = 0
        var marker = false
        var timestamp: UInt32 = 0
    }

    /// A sequence distance beyond which a packet is taken for a restarted stream, not a reordered one.
    static let sequenceJumpLimit = 1_000
    /// Late packets in a row after which the sender is taken to have restarted its sequence.
    static let lateRestartLimit = 8
    /// Takes per trimming decision: one second of 20 ms ticks.
    private static let trimWindow = 50

    private let slotCount: Int
    private let payloadCapacity: Int
    private let payloads: UnsafeMutableRawPointer
    private let slots: UnsafeMutablePointer<Slot>

    private let startDepth: Int
    private let trimAbove: Int
    private var source: UInt32?
    private var nextSequence: UInt16 = 0
    private var started = false
    private var ticksUntilStart = 0
    private var lowestDepth = Int.max
    private var takesInWindow = 0
    private var lateInARow = 0
    /// Packets waiting.
    private(set) var count = 0
    /// Packets dropped: too late, too large, beyond the ring, or trimmed.
    private(set) var droppedPackets = 0

    /// - Parameters:
    ///   - slots: The most packets waiting at once (a power of two).
    ///   - payloadCapacity: The largest payload kept, in bytes.
    ///   - startDepth: Packets to wait for before playing the first (the starting delay).
    ///   - trimAbove: The cushion of waiting packets kept: `1` follows the jitter (adaptive
    ///     playout), `startDepth` keeps the starting delay (fixed playout).
    init(slots: Int = 16, payloadCapacity: Int, startDepth: Int, trimAbove: Int) {
        precondition(slots > 0 && slots & (slots - 1) == 0, "slots must be a power of two")
        slotCount = slots
        self.payloadCapacity = payloadCapacity
        payloads = .allocate(byteCount: slots * payloadCapacity, alignment: 8)
        self.slots = .allocate(capacity: slots)
        self.slots.initialize(repeating: Slot(), count: slots)
        self.startDepth = max(1, startDepth)
        self.trimAbove = max(1, trimAbove)
    }

    deinit {
        payloads.deallocate()
        slots.deallocate()
    }

    /// Whether nothing waits.
    var isEmpty: Bool { count == 0 }

    /// Stores a received packet in its slot; late, duplicate and oversized packets are dropped.
    func write(
        sequence: UInt16, timestamp: UInt32, payloadType: Int, marker: Bool, source: UInt32,
        payload: UnsafeRawBufferPointer
    ) {
        guard payload.count <= payloadCapacity else {
            droppedPackets += 1
            return
        }
        if source != self.source
            || (started || count > 0) && abs(Int(Int16(bitPattern: sequence &- nextSequence))) > Self.sequenceJumpLimit
        {
            reset()
            self.source = source
        }
        if !started && count == 0 {
            nextSequence = sequence
            ticksUntilStart = startDepth
        }
        var distance = Int(Int16(bitPattern: sequence &- nextSequence))
        if distance < 0 && !started {
            // An earlier packet before playback began: playback begins with it.
            nextSequence = sequence
            distance = 0
        }
        guard distance >= 0 else {
            // Late. Many late in a row: the sender restarted its sequence, follow it.
            droppedPackets += 1
            lateInARow += 1
            if lateInARow >= Self.lateRestartLimit {
                reset()
                write(sequence: sequence, timestamp: timestamp, payloadType: payloadType, marker: marker, source: source, payload: payload)
            }
            return
        }
        lateInARow = 0
        while distance >= slotCount {
            // Beyond the ring: the oldest waiting packets make room.
            dropNext()
            distance -= 1
        }
        let slot = Int(sequence) & (slotCount - 1)
        guard !slots[slot].occupied else { return }
        slots[slot] = Slot(
            occupied: true, sequence: sequence, bytes: payload.count, payloadType: UInt8(truncatingIfNeeded: payloadType),
            marker: marker, timestamp: timestamp)
        if let base = payload.baseAddress, payload.count > 0 {
            (payloads + slot * payloadCapacity).copyMemory(from: base, byteCount: payload.count)
        }
        count += 1
    }

    /// The packet due this tick, copied into `buffer`; `nil` while playback has not started, for a
    /// loss and for a late packet (the caller conceals either).
    func take(into buffer: UnsafeMutableRawBufferPointer) -> Packet? {
        guard count > 0 || started else { return nil }
        if !started {
            ticksUntilStart -= 1
            guard count >= startDepth || ticksUntilStart <= 0 else { return nil }
            started = true
            advanceToFirstWaiting()
        }
        guard let slot = waitingSlot(nextSequence) else {
            if count > 0 {
                // Later packets wait: this one is lost.
                nextSequence &+= 1
                noteDepth()
            } else {
                // Nothing waits: build the cushion again before playing on.
                started = false
            }
            return nil
        }
        let packet = Packet(
            bytes: slots[slot].bytes, payloadType: Int(slots[slot].payloadType), marker: slots[slot].marker,
            timestamp: slots[slot].timestamp)
        if let destination = buffer.baseAddress {
            destination.copyMemory(from: payloads + slot * payloadCapacity, byteCount: min(packet.bytes, buffer.count))
        }
        slots[slot].occupied = false
        count -= 1
        nextSequence &+= 1
        noteDepth()
        return packet
    }

    /// Forgets every waiting packet and the stream position: the next packet starts playback afresh.
    func reset() {
        for slot in 0..<slotCount { slots[slot].occupied = false }
        count = 0
        started = false
        ticksUntilStart = 0
        lowestDepth = .max
        takesInWindow = 0
        lateInARow = 0
        source = nil
    }

    /// Tracks the cushion of waiting packets and drops the oldest when a whole window kept more
    /// than ``trimAbove``.
    private func noteDepth() {
        lowestDepth = min(lowestDepth, count)
        takesInWindow += 1
        guard takesInWindow == Self.trimWindow else { return }
        if lowestDepth > trimAbove { dropNext() }
        takesInWindow = 0
        lowestDepth = .max
    }

    /// Drops the packet due next (or its empty place) and moves on.
    private func dropNext() {
        if let slot = waitingSlot(nextSequence) {
            slots[slot].occupied = false
            count -= 1
            droppedPackets += 1
        }
        nextSequence &+= 1
    }

    /// Moves the play position to the oldest waiting packet.
    private func advanceToFirstWaiting() {
        for _ in 0..<slotCount {
            if waitingSlot(nextSequence) != nil { return }
            nextSequence &+= 1
        }
    }

    /// The slot holding packet `sequence`, if it waits.
    private func waitingSlot(_ sequence: UInt16) -> Int? {
        let slot = Int(sequence) & (slotCount - 1)
        return slots[slot].occupied && slots[slot].sequence == sequence ? slot : nil
    }
}
