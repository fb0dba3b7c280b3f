import ConferenceModel
import MediaMixer

/// Rooms' mixes and what each participant hears: joins, leaves, ringback, prompts (spec §7.4, §8.3, §10).
extension CallCoordinator {
    /// The engine room of `room`, made when its first participant arrives.
    func conferenceRoom(_ room: String) throws -> MediaRoomID {
        if let existing = conferences[room] { return existing.engineRoom }
        let engineRoom = try engine.createRoom(MediaRoomSettings(sampleRate: configuration.roomRate))
        conferences[room] = ConferenceMix(engineRoom: engineRoom)
        return engineRoom
    }

    /// Counts a call into its room's mix; returns the participants there now, or `nil` when the
    /// room has no mix (the call's leg never reached it).
    func enterMix(_ id: Int, room: String) -> Int? {
        guard conferences[room] != nil else { return nil }
        conferences[room]?.members.append(id)
        return conferences[room]?.participantCount
    }

    /// Takes a call out of its room's mix (SEMS `disconnectConference`): its leg leaves the
    /// engine room at once, and the others hear it go.
    func leaveMix(_ id: Int, room: String) async {
        guard var mix = conferences[room] else { return }
        mix.members.removeAll { $0 == id }
        conferences[room] = mix
        if let member = calls[id]?.member {
            engine.removeMember(member, from: mix.engineRoom)
            callsByMember[member] = nil
            calls[id]?.member = nil
        }
        await tellOthers(in: room, but: id, .otherLeft(participantCount: mix.participantCount), leavingOut: nil)
        closeIfEmpty(room)
    }

    func closeIfEmpty(_ room: String) {
        guard let mix = conferences[room], mix.isEmpty else { return }
        mix.ringback?.stop()
        mix.beep?.stop()
        engine.removeRoom(mix.engineRoom)
        conferences[room] = nil
    }

    /// A dial-out rings: the room hears ringback (spec §8.3) if anyone is there to hear it.
    func startRinging(_ id: Int, room: String) async {
        guard calls[id]?.member == nil, var mix = conferences[room], !mix.members.isEmpty, !mix.ringing.contains(id) else { return }
        mix.ringing.insert(id)
        if mix.ringback == nil {
            let control = PlaybackSwitch()
            engine.play(SwitchedSource(RingbackTone(sampleRate: configuration.roomRate), control: control), to: nil, in: mix.engineRoom)
            mix.ringback = control
        }
        conferences[room] = mix
        for other in mix.members { await deliver(.roomChanged(.otherRinging(participantCount: mix.participantCount)), to: other) }
    }

    func stopRinging(_ id: Int, room: String, answered: Bool) async {
        guard var mix = conferences[room], mix.ringing.remove(id) != nil else { return }
        if mix.ringing.isEmpty {
            mix.ringback?.stop()
            mix.ringback = nil
        }
        conferences[room] = mix
        guard !answered else { return }
        for other in mix.members {
            await deliver(.roomChanged(.otherStoppedRinging(participantCount: mix.participantCount)), to: other)
        }
        closeIfEmpty(room)
    }

    /// Tells everyone in `room`'s mix but `id` that someone joined or left. Each one's machine
    /// decides what they hear; the join or drop sound they ask for is the same for all of them
    /// (spec §7.4), so it plays once to the room (``playRoomSound(_:announcement:heardBy:)``),
    /// leaving out `leftOut` (the joiner, who hears no beep).
    func tellOthers(in room: String, but id: Int, _ event: ParticipantRoomEvent, leavingOut leftOut: MediaMemberID?) async {
        guard var mix = conferences[room] else { return }
        mix.lastAnnouncement += 1
        mix.announcementLeavesOut = leftOut
        conferences[room] = mix
        for other in mix.members where other != id {
            await deliver(.roomChanged(event), to: other, announcement: mix.lastAnnouncement)
        }
    }

    /// Plays the sound a member's machine asked for on hearing announcement `announcement`, once
    /// for the room: one sound for the room costs the media threads one mix, where a beep per
    /// member gave each a mix of their own. A newer beep replaces one still playing; an older
    /// announcement's sound, asked for late, is not played.
    func playRoomSound(_ prompt: BridgePrompt, announcement: UInt64, heardBy id: Int) {
        guard let room = calls[id]?.machine.room, var mix = conferences[room],
              announcement > mix.soundedAnnouncement, announcement == mix.lastAnnouncement,
              let sound = prompts[prompt]
        else { return }
        let queue = PromptQueue(sampleRate: configuration.roomRate)
        guard (try? queue.enqueue(sound)) != nil else { return }
        mix.soundedAnnouncement = announcement
        mix.beep?.stop()
        let control = PlaybackSwitch()
        let source = SwitchedSource(queue, control: control)
        if let leftOut = mix.announcementLeavesOut {
            engine.play(source, toRoomExcept: leftOut, in: mix.engineRoom)
        } else {
            engine.play(source, to: nil, in: mix.engineRoom)
        }
        mix.beep = control
        conferences[room] = mix
    }

    /// Plays prompts to one caller, replacing what they hear from the bridge now.
    func play(_ list: [BridgePrompt], to id: Int, looping: Bool, reportsEnd: Bool) {
        guard let call = calls[id], let member = call.member, let engineRoom = call.engineRoom else { return }
        let token = newToken(for: id, reportsEnd: reportsEnd)
        let rate = configuration.roomRate
        var source: (any AudioFrameSource)?
        if looping, let prompt = list.first, let sound = prompts[prompt] {
            source = try? PromptPlayer(sound, sampleRate: rate, looping: true)
        } else {
            let queue = PromptQueue(sampleRate: rate)
            for prompt in list {
                if let sound = prompts[prompt] { try? queue.enqueue(sound) }
            }
            source = queue
        }
        let continuation = promptEndContinuation
        engine.play(
            CallPromptSource(source, sampleRate: rate, token: token) { continuation.yield($0) }, to: member, in: engineRoom)
    }

    /// Barge-in: whatever the caller hears from the bridge stops now.
    func silencePrompts(of id: Int) {
        guard let call = calls[id], let member = call.member, let engineRoom = call.engineRoom else { return }
        let token = newToken(for: id, reportsEnd: false)
        let continuation = promptEndContinuation
        engine.play(
            CallPromptSource(nil, sampleRate: configuration.roomRate, token: token) { continuation.yield($0) }, to: member,
            in: engineRoom)
    }

    private func newToken(for id: Int, reportsEnd: Bool) -> UInt64 {
        nextToken += 1
        promptOwners[nextToken] = (id, reportsEnd)
        calls[id]?.promptToken = nextToken
        calls[id]?.promptTokens.insert(nextToken)
        return nextToken
    }

    func promptFinished(_ token: UInt64) async {
        guard let owner = promptOwners.removeValue(forKey: token) else { return }
        calls[owner.call]?.promptTokens.remove(token)
        guard owner.reportsEnd, calls[owner.call]?.promptToken == token else { return }
        await deliver(.promptsFinished, to: owner.call)
    }
}
