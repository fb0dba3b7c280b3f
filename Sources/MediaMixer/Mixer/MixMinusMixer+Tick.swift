extension MixMinusMixer {
    /// Mixes one frame: measures every member, sums the contributors and room prompts once, feeds the
    /// recorder the full mix, and renders each listener's frame (shared or their own).
    ///
    /// Inputs written since the last tick are consumed; a member given none counts as silent. Events
    /// are queued for ``drainEvents(_:)``. Allocates nothing.
    public func tick() {
        mixAccumulator.update(repeating: 0, count: samplesPerFrame)
        // One exclusive access to the member storage per pass, instead of one per field touched.
        let loudest = slots.withUnsafeMutableBufferPointer { measureAndMix($0) }
        updateFloor(loudest: loudest)
        mixRoomSources()
        fullMixLimiter.limit(mixAccumulator, into: fullMixFrame, count: samplesPerFrame)
        recorder?.writeFrame(UnsafeBufferPointer(start: fullMixFrame, count: samplesPerFrame))
        slots.withUnsafeMutableBufferPointer { members in
            for slotIndex in activeSlots {
                renderOutput(members, slot: slotIndex)
            }
        }
        tickCount &+= 1
    }

    /// Measures every member, queues talker events and adds the contributors to the mix.
    /// - Returns: the loudest unmuted talker.
    private func measureAndMix(_ members: UnsafeMutableBufferPointer<MixerMemberSlot>) -> MixerMemberID? {
        let count = samplesPerFrame
        let settings = configuration.talkerDetection
        var loudest: MixerMemberID?
        var loudestLevel = -Double.infinity
        for slotIndex in activeSlots {
            let slot = members.baseAddress! + slotIndex
            let member = MixerMemberID(slot: slotIndex, generation: slot.pointee.generation)
            switch slot.pointee.measureInput(count: count, settings: settings) {
            case .started: enqueue(.startedTalking(member))
            case .stopped: enqueue(.stoppedTalking(member))
            case .none: break
            }
            if slot.pointee.contributes {
                slot.pointee.addVoice(to: mixAccumulator, count: count)
            }
            if slot.pointee.isFloorCandidate, slot.pointee.smoothedLevelDBFS > loudestLevel {
                loudest = member
                loudestLevel = slot.pointee.smoothedLevelDBFS
            }
        }
        return loudest
    }

    private func updateFloor(loudest: MixerMemberID?) {
        let holderIsTalking = floor.holder.map { contains($0) && slots[$0.slot].isFloorCandidate } ?? false
        if let change = floor.update(loudest: loudest, holderIsTalking: holderIsTalking, holdFrames: configuration.floorHoldFrames) {
            enqueue(change)
        }
    }

    /// Adds every room prompt to the mix, keeps what a member is left out of, and detaches the
    /// prompts that ended.
    private func mixRoomSources() {
        let count = samplesPerFrame
        var index = roomSources.count - 1
        while index >= 0 {
            let (source, excluded) = roomSources[index]
            let written = readSource(source)
            for sample in 0..<written {
                mixAccumulator[sample] &+= Int32(sourceFrame[sample])
            }
            if let excluded, contains(excluded), written > 0 {
                slots[excluded.slot].exclude(sourceFrame, count: count)
            }
            if written < count {
                roomSources.remove(at: index)
                let target: MixerSourceTarget = excluded.map { .roomExcept($0) } ?? .room
                enqueue(.sourceFinished(source: ObjectIdentifier(source), target: target))
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
    private func renderOutput(_ members: UnsafeMutableBufferPointer<MixerMemberSlot>, slot slotIndex: Int) {
        let count = samplesPerFrame
        let slot = members.baseAddress! + slotIndex
        let member = MixerMemberID(slot: slotIndex, generation: slot.pointee.generation)
        defer {
            slot.pointee.hasInput = false
            slot.pointee.hasExcludedAudio = false
        }
        var promptSamples = 0
        if let source = slot.pointee.source {
            promptSamples = readSource(source)
            if promptSamples < count {
                slot.pointee.source = nil
                enqueue(.sourceFinished(source: ObjectIdentifier(source), target: .member(member)))
            }
        }
        let isDeaf = slot.pointee.isDeaf
        let outputGain = slot.pointee.outputGainQ12
        if promptSamples == 0 {
            if isDeaf {
                slot.pointee.outputKey = .silence
                return
            }
            if !slot.pointee.contributes && outputGain == MixerGain.unity && !slot.pointee.hasExcludedAudio {
                slot.pointee.outputKey = .fullMix
                return
            }
        }
        let accumulator = listenerAccumulator
        if isDeaf {
            accumulator.update(repeating: 0, count: count)
        } else if slot.pointee.contributes {
            slot.pointee.subtractVoice(from: mixAccumulator, into: accumulator, count: count)
        } else {
            accumulator.update(from: mixAccumulator, count: count)
        }
        if !isDeaf, slot.pointee.hasExcludedAudio {
            for sample in 0..<count { accumulator[sample] &-= slot.pointee.excludedAudio[sample] }
        }
        for sample in 0..<promptSamples {
            accumulator[sample] &+= Int32(sourceFrame[sample])
        }
        if outputGain != MixerGain.unity {
            for sample in 0..<count {
                accumulator[sample] = Int32(clamping: (Int64(accumulator[sample]) * Int64(outputGain)) >> Int64(MixerGain.fractionBits))
            }
        }
        if slot.pointee.outputKey != .own(member) {
            // The listener heard the shared mix until now: continue from its limiter gain, not unity.
            slot.pointee.limiter.gain = fullMixLimiter.gain
        }
        slot.pointee.limiter.limit(accumulator, into: slot.pointee.output, count: count)
        slot.pointee.outputKey = .own(member)
    }
}
