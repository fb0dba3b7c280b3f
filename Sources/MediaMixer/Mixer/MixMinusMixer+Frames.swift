extension MixMinusMixer {
    // MARK: Input, before the tick

    /// Lets the engine decode straight into a member's input frame for this tick.
    ///
    /// `body` receives a buffer of ``samplesPerFrame`` samples and returns how many it wrote; the
    /// rest is zeroed. Returning 0 means no frame arrived (the member counts as silent this tick).
    public func withInputFrame(for member: MixerMemberID, _ body: (UnsafeMutableBufferPointer<Int16>) throws -> Int) rethrows {
        let slotIndex = tickSlot(member)
        let input = slots[slotIndex].input
        let written = try body(UnsafeMutableBufferPointer(start: input, count: samplesPerFrame))
        precondition((0...samplesPerFrame).contains(written), "an input frame holds at most \(samplesPerFrame) samples")
        if written < samplesPerFrame {
            (input + written).update(repeating: 0, count: samplesPerFrame - written)
        }
        slots[slotIndex].hasInput = written > 0
    }

    /// Copies a member's decoded frame for this tick (at most ``samplesPerFrame`` samples; a shorter
    /// frame is padded with silence). A member given no frame before a tick counts as silent.
    public func writeInputFrame(_ samples: UnsafeBufferPointer<Int16>, for member: MixerMemberID) {
        withInputFrame(for: member) { input in
            precondition(samples.count <= input.count, "an input frame holds at most \(input.count) samples")
            guard let source = samples.baseAddress, let target = input.baseAddress else { return 0 }
            target.update(from: source, count: samples.count)
            return samples.count
        }
    }

    /// Copies a member's decoded frame for this tick; see ``writeInputFrame(_:for:)-(UnsafeBufferPointer<Int16>,_)``.
    public func writeInputFrame(_ samples: [Int16], for member: MixerMemberID) {
        samples.withUnsafeBufferPointer { writeInputFrame($0, for: member) }
    }

    // MARK: Output, after the tick

    /// Which output frame `member` hears from the last tick; members with equal keys hear equal frames.
    public func outputKey(for member: MixerMemberID) -> MixerOutputKey {
        slots[tickSlot(member)].outputKey
    }

    /// The samples of one output frame of the last tick, valid until the next tick or until the
    /// member named by an ``MixerOutputKey/own(_:)`` key is removed.
    ///
    /// An ``MixerOutputKey/own(_:)`` key is meaningful only while ``outputKey(for:)`` returns it.
    public func output(for key: MixerOutputKey) -> UnsafeBufferPointer<Int16> {
        switch key {
        case .fullMix:
            UnsafeBufferPointer(start: fullMixFrame, count: samplesPerFrame)
        case .silence:
            UnsafeBufferPointer(start: silenceFrame, count: samplesPerFrame)
        case .own(let member):
            UnsafeBufferPointer(start: slots[tickSlot(member)].output, count: samplesPerFrame)
        }
    }

    /// The frame `member` hears from the last tick: `output(for: outputKey(for: member))`.
    public func output(for member: MixerMemberID) -> UnsafeBufferPointer<Int16> {
        output(for: outputKey(for: member))
    }

    // MARK: Talkers

    /// Whether talker detection holds `member` as talking.
    public func isTalking(_ member: MixerMemberID) -> Bool {
        slots[tickSlot(member)].detector.isTalking
    }

    /// Whether `member`'s voice is in the last tick's mix (see "Who contributes" above).
    public func isContributing(_ member: MixerMemberID) -> Bool {
        slots[tickSlot(member)].contributes
    }

    /// The level of `member`'s last frame after input gain, in dBFS (−∞ for silence or no frame).
    public func levelDBFS(of member: MixerMemberID) -> Double {
        slots[tickSlot(member)].levelDBFS
    }

    /// The member holding the floor: the loudest unmuted talker, kept between sentences.
    public var floorHolder: MixerMemberID? {
        floor.holder
    }

    // MARK: Events

    /// Hands every queued event to `body`, oldest first, and empties the queue (keeping its storage).
    /// Events queued by calls `body` makes are delivered in the same drain; if `body` throws, the
    /// events not yet handed over are discarded with the rest of the queue.
    public func drainEvents(_ body: (MixerEvent) throws -> Void) rethrows {
        var index = 0
        defer { events.removeAll(keepingCapacity: true) }
        while index < events.count {
            let event = events[index]
            index += 1
            try body(event)
        }
    }
}
