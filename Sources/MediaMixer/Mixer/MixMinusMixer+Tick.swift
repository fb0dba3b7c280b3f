extension MixMinusMixer {
    /// Mixes one frame: measures every member, sums the contributors and room prompts once, feeds the
    /// recorder the full mix, and renders each listener's frame (shared or their own).
    ///
    /// Inputs written since the last tick are consumed; a member given none counts as silent. Events
    /// are queued for ``drainEvents(_:)``. Allocates nothing.
    public func tick() {
        let count = samplesPerFrame
        mixAccumulator.update(repeating: 0, count: count)
        let settings = configuration.talkerDetection
        var loudest: MixerMemberID?
        var loudestLevel = -Double.infinity
        for slotIndex in activeSlots {
            let member = MixerMemberID(slot: slotIndex, generation: slots[slotIndex].generation)
            switch slots[slotIndex].measureInput(count: count, settings: settings) {
            case .started: enqueue(.startedTalking(member))
            case .stopped: enqueue(.stoppedTalking(member))
            case .none: break
            }
            if slots[slotIndex].contributes {
                slots[slotIndex].addVoice(to: mixAccumulator, count: count)
            }
            if slots[slotIndex].isFloorCandidate, slots[slotIndex].smoothedLevelDBFS > loudestLevel {
                loudest = member
                loudestLevel = slots[slotIndex].smoothedLevelDBFS
            }
        }
        updateFloor(loudest: loudest)
        mixRoomSources()
        fullMixLimiter.limit(mixAccumulator, into: fullMixFrame, count: count)
        recorder?.writeFrame(UnsafeBufferPointer(start: fullMixFrame, count: count))
        for slotIndex in activeSlots {
            renderOutput(slot: slotIndex)
        }
        tickCount &+= 1
    }

    private func updateFloor(loudest: MixerMemberID?) {
        let holderIsTalking = floor.holder.map { contains($0) && slots[$0.slot].isFloorCandidate } ?? false
        if let change = floor.update(loudest: loudest, holderIsTalking: holderIsTalking, holdFrames: configuration.floorHoldFrames) {
            enqueue(change)
        }
    }

    /// Adds every room prompt to the mix and detaches those that ended.
    private func mixRoomSources() {
        let count = samplesPerFrame
        var index = roomSources.count - 1
        while index >= 0 {
            let source = roomSources[index]
            let written = readSource(source)
            for sample in 0..<written {
                mixAccumulator[sample] &+= Int32(sourceFrame[sample])
            }
            if written < count {
                roomSources.remove(at: index)
                enqueue(.sourceFinished(source: ObjectIdentifier(source), target: .room))
            }
            index -= 1
        }
    }

    /// Reads one frame of `source` into ``sourceFrame``, zero-padded. Returns the samples written.
    private func readSource(_ source: any AudioFrameSource) -> Int {
        let count = samplesPerFrame
        sourceFrame.update(repeating: 0, count: count)
        let written = source.readFrame(into: UnsafeMutableBufferPointer(start: sourceFrame, count: count))
        return min(max(written, 0), count)
    }

    /// Decides one listener's output key and, when it is their own, renders their frame.
    private func renderOutput(slot slotIndex: Int) {
        let count = samplesPerFrame
        let member = MixerMemberID(slot: slotIndex, generation: slots[slotIndex].generation)
        defer { slots[slotIndex].hasInput = false }
        var promptSamples = 0
        if let source = slots[slotIndex].source {
            promptSamples = readSource(source)
            if promptSamples < count {
                slots[slotIndex].source = nil
                enqueue(.sourceFinished(source: ObjectIdentifier(source), target: .member(member)))
            }
        }
        let isDeaf = slots[slotIndex].isDeaf
        let outputGain = slots[slotIndex].outputGainQ12
        if promptSamples == 0 {
            if isDeaf {
                slots[slotIndex].outputKey = .silence
                return
            }
            if !slots[slotIndex].contributes && outputGain == MixerGain.unity {
                slots[slotIndex].outputKey = .fullMix
                return
            }
        }
        let accumulator = listenerAccumulator
        if isDeaf {
            accumulator.update(repeating: 0, count: count)
        } else if slots[slotIndex].contributes {
            slots[slotIndex].subtractVoice(from: mixAccumulator, into: accumulator, count: count)
        } else {
            accumulator.update(from: mixAccumulator, count: count)
        }
        for sample in 0..<promptSamples {
            accumulator[sample] &+= Int32(sourceFrame[sample])
        }
        if outputGain != MixerGain.unity {
            for sample in 0..<count {
                accumulator[sample] = Int32(clamping: (Int64(accumulator[sample]) * Int64(outputGain)) >> Int64(MixerGain.fractionBits))
            }
        }
        if slots[slotIndex].outputKey != .own(member) {
            // The listener heard the shared mix until now: continue from its limiter gain, not unity.
            slots[slotIndex].limiter.gain = fullMixLimiter.gain
        }
        let output = slots[slotIndex].output
        slots[slotIndex].limiter.limit(accumulator, into: output, count: count)
        slots[slotIndex].outputKey = .own(member)
    }
}
