extension MixMinusMixer {
    /// Attaches a prompt: to the room (everyone and the recording hear it, on top of the talkers), to
    /// the room but one member (who hears the room without it), or to one member (only they hear it,
    /// on top of what they hear). A member has at most one private
    /// source; attaching another replaces it without an event. When a source reports its end the
    /// mixer detaches it and queues ``MixerEvent/sourceFinished(source:target:)``.
    /// - Throws: ``MixerError/Code/sampleRateMismatch`` unless the source runs at the room rate;
    ///   ``MixerError/Code/unknownMember`` for a member not in the room (also the one a room prompt
    ///   leaves out).
    public func attachSource(_ source: any AudioFrameSource, to target: MixerSourceTarget) throws(MixerError) {
        guard source.sampleRate == sampleRate else {
            throw MixerError(.sampleRateMismatch, "source at \(source.sampleRate) Hz in a \(sampleRate) Hz room")
        }
        switch target {
        case .room:
            roomSources.append((source, nil))
        case .roomExcept(let member):
            _ = try validSlot(member)
            roomSources.append((source, member))
        case .member(let member):
            slots[try validSlot(member)].source = source
        }
    }

    /// Detaches every source of `target` without an event: barge-in when a caller presses a key
    /// during a prompt, or the end of a room announcement. `.room` detaches every room prompt, also
    /// those that leave a member out.
    public func detachSources(from target: MixerSourceTarget) throws(MixerError) {
        switch target {
        case .room:
            roomSources.removeAll(keepingCapacity: true)
        case .roomExcept(let member):
            roomSources.removeAll { $0.excluded == member }
        case .member(let member):
            slots[try validSlot(member)].source = nil
        }
    }

    /// Detaches one source wherever it is attached, without an event.
    /// - Returns: whether the source was attached.
    @discardableResult
    public func detachSource(_ source: any AudioFrameSource) -> Bool {
        if let index = roomSources.firstIndex(where: { $0.source === source }) {
            roomSources.remove(at: index)
            return true
        }
        for slotIndex in activeSlots where slots[slotIndex].source === source {
            slots[slotIndex].source = nil
            return true
        }
        return false
    }

    /// Attaches the recorder of the room: from the next tick on it receives the full mix (every
    /// contributor plus the room's prompts, after the limiter) once per tick, silence included.
    /// Replaces a recorder attached before.
    /// - Throws: ``MixerError/Code/sampleRateMismatch`` unless the sink runs at the room rate.
    public func attachRecorder(_ sink: any AudioFrameSink) throws(MixerError) {
        guard sink.sampleRate == sampleRate else {
            throw MixerError(.sampleRateMismatch, "recorder at \(sink.sampleRate) Hz in a \(sampleRate) Hz room")
        }
        recorder = sink
    }

    /// Detaches the recorder.
    public func detachRecorder() {
        recorder = nil
    }
}
