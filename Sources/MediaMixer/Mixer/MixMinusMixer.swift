/// The clocked mix-minus mixer of one room: 16-bit mono PCM in, one frame per listener out, once per ptime.
///
/// Each tick the media engine writes every member's decoded frame at the room rate (or writes
/// nothing when no packet arrived), calls ``tick()``, then reads each listener's frame through
/// ``outputKey(for:)`` and ``output(for:)-(MixerOutputKey)``. The tick sums the contributors once in
/// Int32 accumulators and gives each contributor the sum minus their own voice, the classic
/// mix-minus of re's `aumix` and pjmedia's conference bridge (STYLE rule 7), then a soft limiter
/// brings every frame to Int16 without hard clipping.
///
/// ## Who contributes
/// A member contributes to a tick when they are not muted, a frame arrived, and either talker
/// detection holds them as talking or this frame alone reaches the talker on-threshold. The second
/// condition opens the gate on the first loud frame, so word onsets are not clipped while the
/// detector waits out ``TalkerDetectionSettings/framesToStart``; the first keeps the gate open through
/// the detector's hangover, so word endings and pauses are not chopped. Everyone else, background
/// noise included, stays out of the mix: this noise gate is what lets the silent majority of a large
/// room hear one shared frame.
///
/// ## Shared outputs
/// A listener who contributes nothing, has no private prompt and no output gain hears exactly the
/// full mix: their key is ``MixerOutputKey/fullMix`` and they share one frame (and, in the engine,
/// one encoding per codec). A deaf member without a private prompt gets ``MixerOutputKey/silence``.
/// Only talkers, members with a private prompt or an output gain, and a member left out of a room
/// prompt (``MixerSourceTarget/roomExcept(_:)``) get a frame of their own, ``MixerOutputKey/own(_:)``;
/// their count, not the room size, bounds the mixing work.
///
/// ## Threading and allocation
/// The mixer belongs to one media thread, which makes every call, so it is a plain `final class` and
/// deliberately not `Sendable`. Frame buffers are allocated when a member is added (slots and their
/// buffers are reused after a member leaves) and the event queue when the mixer is created; ``tick()``
/// and the per-tick input and output calls allocate nothing, provided the attached sources and sink
/// keep their own promise not to.
public final class MixMinusMixer {
    /// The gains ``setInputGain(_:for:)`` and ``setOutputGain(_:for:)`` accept: silence to +18 dB.
    public static let gainRange: ClosedRange<Float> = 0...8

    /// The configuration the mixer was created with.
    public let configuration: MixMinusMixerConfiguration
    /// The room rate in Hz.
    public var sampleRate: Int { configuration.sampleRate }
    /// Samples in every input and output frame.
    public let samplesPerFrame: Int

    /// Member storage, indexed by ``MixerMemberID`` slot; slots are reused after removal.
    var slots: [MixerMemberSlot]
    /// The slots that hold a member, in no particular order.
    var activeSlots: [Int]
    /// Slots free for the next member.
    var freeSlots: [Int]

    /// The Int32 sum of every contributor and room source this tick.
    let mixAccumulator: UnsafeMutablePointer<Int32>
    /// Scratch accumulator for one listener's own frame.
    let listenerAccumulator: UnsafeMutablePointer<Int32>
    /// Scratch frame a source reads into.
    let sourceFrame: UnsafeMutablePointer<Int16>
    /// The limited full mix, shared by every listener keyed ``MixerOutputKey/fullMix``.
    let fullMixFrame: UnsafeMutablePointer<Int16>
    /// All zeros, for deaf listeners.
    let silenceFrame: UnsafeMutablePointer<Int16>
    /// The limiter of the shared full mix.
    var fullMixLimiter: SoftLimiter

    /// Prompts the room hears, each with the member it leaves out, if any.
    var roomSources: [(source: any AudioFrameSource, excluded: MixerMemberID?)]
    /// The recorder of the room mix.
    var recorder: (any AudioFrameSink)?
    /// Events since the last drain; capacity reserved at creation and never exceeded.
    var events: ContiguousArray<MixerEvent>
    /// The floor.
    var floor = FloorTracker()

    /// Events dropped because the queue was full when they happened; drain more often if this grows.
    public internal(set) var droppedEventCount = 0
    /// Ticks run so far.
    public internal(set) var tickCount: UInt64 = 0

    /// Creates a mixer for one room.
    /// - Throws: ``MixerError/Code/unsupportedFormat`` unless the rate is 8000, 16000 or 48000 Hz and
    ///   the ptime is 10 to 60 ms with a whole number of samples per frame.
    public init(configuration: MixMinusMixerConfiguration) throws(MixerError) {
        guard [8_000, 16_000, 48_000].contains(configuration.sampleRate) else {
            throw MixerError(.unsupportedFormat, "room rate \(configuration.sampleRate) Hz is not 8000, 16000 or 48000")
        }
        guard (10...60).contains(configuration.ptime), configuration.sampleRate * configuration.ptime % 1000 == 0 else {
            throw MixerError(.unsupportedFormat, "ptime \(configuration.ptime) ms is not 10 to 60 ms of whole samples")
        }
        self.configuration = configuration
        let count = configuration.samplesPerFrame
        samplesPerFrame = count
        slots = []
        slots.reserveCapacity(max(1, configuration.memberCapacity))
        activeSlots = []
        activeSlots.reserveCapacity(max(1, configuration.memberCapacity))
        freeSlots = []
        freeSlots.reserveCapacity(max(1, configuration.memberCapacity))
        mixAccumulator = .allocate(capacity: count)
        mixAccumulator.initialize(repeating: 0, count: count)
        listenerAccumulator = .allocate(capacity: count)
        listenerAccumulator.initialize(repeating: 0, count: count)
        sourceFrame = .allocate(capacity: count)
        sourceFrame.initialize(repeating: 0, count: count)
        fullMixFrame = .allocate(capacity: count)
        fullMixFrame.initialize(repeating: 0, count: count)
        silenceFrame = .allocate(capacity: count)
        silenceFrame.initialize(repeating: 0, count: count)
        fullMixLimiter = SoftLimiter(sampleRate: configuration.sampleRate, ptime: configuration.ptime)
        roomSources = []
        roomSources.reserveCapacity(4)
        events = []
        events.reserveCapacity(max(1, configuration.eventCapacity))
        // Every slot up to the capacity gets its buffers now, so adding members allocates nothing
        // until the room outgrows the capacity. Pushed in reverse so members fill slot 0 first.
        let capacity = max(0, configuration.memberCapacity)
        for slotIndex in 0..<capacity {
            slots.append(MixerMemberSlot(samplesPerFrame: count, limiter: fullMixLimiter))
            freeSlots.append(capacity - 1 - slotIndex)
        }
    }

    deinit {
        for slot in slots {
            slot.deallocate()
        }
        mixAccumulator.deallocate()
        listenerAccumulator.deallocate()
        sourceFrame.deallocate()
        fullMixFrame.deallocate()
        silenceFrame.deallocate()
    }

    // MARK: Members

    /// Members in the room.
    public var memberCount: Int { activeSlots.count }

    /// Adds a member who neither speaks nor hears anything special yet: unmuted, not deaf, unity gains.
    /// Takes a free slot, preallocated up to ``MixMinusMixerConfiguration/memberCapacity`` or left by
    /// a member who was removed; only beyond that does it grow storage (never during a tick).
    public func addMember() -> MixerMemberID {
        let slotIndex: Int
        if let free = freeSlots.popLast() {
            slotIndex = free
            slots[slotIndex].reset(limiter: SoftLimiter(sampleRate: sampleRate, ptime: configuration.ptime))
        } else {
            slotIndex = slots.count
            slots.append(MixerMemberSlot(samplesPerFrame: samplesPerFrame, limiter: SoftLimiter(sampleRate: sampleRate, ptime: configuration.ptime)))
        }
        slots[slotIndex].isActive = true
        slots[slotIndex].activeIndex = activeSlots.count
        activeSlots.append(slotIndex)
        return MixerMemberID(slot: slotIndex, generation: slots[slotIndex].generation)
    }

    /// Removes a member; their private prompt is dropped without an event. A talking member yields
    /// ``MixerEvent/stoppedTalking(_:)`` and a floor holder ``MixerEvent/floorChanged(from:to:)`` to `nil`.
    public func removeMember(_ member: MixerMemberID) throws(MixerError) {
        let slotIndex = try validSlot(member)
        if slots[slotIndex].detector.isTalking {
            enqueue(.stoppedTalking(member))
        }
        if let change = floor.remove(member) {
            enqueue(change)
        }
        let position = slots[slotIndex].activeIndex
        let moved = activeSlots.removeLast()
        if position < activeSlots.count {
            activeSlots[position] = moved
            slots[moved].activeIndex = position
        }
        slots[slotIndex].isActive = false
        slots[slotIndex].source = nil
        slots[slotIndex].hasExcludedAudio = false
        slots[slotIndex].generation &+= 1
        freeSlots.append(slotIndex)
    }

    /// Calls `body` with every member, in no particular order; allocates nothing.
    public func forEachMember(_ body: (MixerMemberID) throws -> Void) rethrows {
        for slotIndex in activeSlots {
            try body(MixerMemberID(slot: slotIndex, generation: slots[slotIndex].generation))
        }
    }

    /// Whether `member` is in the room.
    public func contains(_ member: MixerMemberID) -> Bool {
        member.slot < slots.count && slots[member.slot].isActive && slots[member.slot].generation == member.generation
    }

    /// Mutes or unmutes a member: a muted member's voice stays out of everyone's mix, while they
    /// still hear the room. Talker detection keeps running, so "talking while muted" is still reported.
    public func setMuted(_ muted: Bool, for member: MixerMemberID) throws(MixerError) {
        slots[try validSlot(member)].isMuted = muted
    }

    /// Deafens or undeafens a member: a deaf member hears silence, except their own private prompt.
    public func setDeaf(_ deaf: Bool, for member: MixerMemberID) throws(MixerError) {
        slots[try validSlot(member)].isDeaf = deaf
    }

    /// Sets the linear gain applied to a member's voice before it joins the mix (1 is unchanged).
    public func setInputGain(_ gain: Float, for member: MixerMemberID) throws(MixerError) {
        let slotIndex = try validSlot(member)
        slots[slotIndex].inputGainQ12 = try Self.q12Gain(gain)
    }

    /// Sets the linear gain applied to everything a member hears (1 is unchanged). A member with an
    /// output gain other than 1 gets a frame of their own instead of sharing the full mix.
    public func setOutputGain(_ gain: Float, for member: MixerMemberID) throws(MixerError) {
        let slotIndex = try validSlot(member)
        slots[slotIndex].outputGainQ12 = try Self.q12Gain(gain)
    }

    // MARK: Internals shared by the extensions

    /// The slot of a member, or ``MixerError/Code/unknownMember``.
    func validSlot(_ member: MixerMemberID) throws(MixerError) -> Int {
        guard contains(member) else {
            throw MixerError(.unknownMember, "\(member) is not in this room")
        }
        return member.slot
    }

    /// The slot of a member on the per-tick path, where a stale identifier is a programming error.
    func tickSlot(_ member: MixerMemberID) -> Int {
        precondition(contains(member), "\(member) is not in this room")
        return member.slot
    }

    /// Queues an event, or counts it as dropped when the queue is full (never growing it).
    func enqueue(_ event: MixerEvent) {
        guard events.count < max(1, configuration.eventCapacity) else {
            droppedEventCount += 1
            return
        }
        events.append(event)
    }

    private static func q12Gain(_ gain: Float) throws(MixerError) -> Int32 {
        guard gainRange.contains(gain) else {
            throw MixerError(.gainOutOfRange, "gain \(gain) is outside \(gainRange)")
        }
        return MixerGain.q12(gain)
    }
}
