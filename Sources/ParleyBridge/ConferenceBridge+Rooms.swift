import ConferenceModel
import Foundation
import Logging
import MediaMixer
import SIPCore

/// Rooms' mixes and what each participant hears: joins, leaves, ringback, prompts (spec §7.4, §8.3, §10).
extension ConferenceBridge {
    /// The engine room of `room`, made when its first participant arrives.
    func conferenceRoom(_ room: String) throws -> MediaRoomID {
        if let existing = conferences[room] { return existing.engineRoom }
        let engineRoom = try engine.createRoom(MediaRoomSettings(sampleRate: settings.roomRate))
        conferences[room] = ConferenceMix(engineRoom: engineRoom)
        return engineRoom
    }

    func enterMix(_ id: Int, room: String) {
        guard var mix = conferences[room], let call = calls[id] else { return }
        mix.members.append(id)
        conferences[room] = mix
        calls[id]?.inMix = true
        if call.muted, let member = call.member { engine.setMuted(true, member: member, in: mix.engineRoom) }
        let count = mix.participantCount
        drivePrompter(id, .entered(participantCount: count))
        tellOthers(in: room, but: id, .otherJoined(participantCount: count), leavingOut: call.member)
    }

    /// Takes a call out of its room's mix (SEMS `disconnectConference`), once.
    func leaveMix(_ id: Int) {
        guard let call = calls[id] else { return }
        stopRinging(id, answered: false)
        guard call.inMix, let room = call.room, var mix = conferences[room] else { return }
        calls[id]?.inMix = false
        calls[id]?.leftAt = Date()
        mix.members.removeAll { $0 == id }
        conferences[room] = mix
        drivePrompter(id, .leftRoom)
        if let member = call.member {
            engine.removeMember(member, from: mix.engineRoom)
            callsByMember[member] = nil
            calls[id]?.member = nil
        }
        tellOthers(in: room, but: id, .otherLeft(participantCount: mix.participantCount), leavingOut: nil)
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
    func startRinging(_ id: Int) {
        guard let call = calls[id], !call.isRinging, call.member == nil, let room = call.room,
              var mix = conferences[room], !mix.members.isEmpty
        else { return }
        calls[id]?.isRinging = true
        mix.ringing.insert(id)
        if mix.ringback == nil {
            let control = PlaybackSwitch()
            engine.play(SwitchedSource(RingbackTone(sampleRate: settings.roomRate), control: control), to: nil, in: mix.engineRoom)
            mix.ringback = control
        }
        conferences[room] = mix
        for other in mix.members { drivePrompter(other, .otherRinging(participantCount: mix.participantCount)) }
    }

    func stopRinging(_ id: Int, answered: Bool) {
        guard let call = calls[id], call.isRinging, let room = call.room, var mix = conferences[room] else { return }
        calls[id]?.isRinging = false
        mix.ringing.remove(id)
        if mix.ringing.isEmpty {
            mix.ringback?.stop()
            mix.ringback = nil
        }
        conferences[room] = mix
        if !answered {
            for other in mix.members { drivePrompter(other, .otherStoppedRinging(participantCount: mix.participantCount)) }
            closeIfEmpty(room)
        }
    }

    /// Tells everyone in `room`'s mix but `id` that someone joined or left. The beep their prompters
    /// ask for is the same for all of them (spec §7.4), so it plays once to the room, leaving out
    /// `leftOut` (the joiner, who hears no beep) and replacing the beep still playing: one sound for
    /// the room costs the media threads one mix, where a beep per member gave each a mix of their own.
    func tellOthers(in room: String, but id: Int, _ event: ParticipantRoomEvent, leavingOut leftOut: MediaMemberID?) {
        guard let mix = conferences[room] else { return }
        var beep: BridgePrompt?
        for other in mix.members where other != id {
            beep = drivePrompter(other, event, collectsSound: true) ?? beep
        }
        guard let beep, let sound = prompts[beep] else { return }
        let queue = PromptQueue(sampleRate: settings.roomRate)
        guard (try? queue.enqueue(sound)) != nil else { return }
        mix.beep?.stop()
        let control = PlaybackSwitch()
        let source = SwitchedSource(queue, control: control)
        if let leftOut {
            engine.play(source, toRoomExcept: leftOut, in: mix.engineRoom)
        } else {
            engine.play(source, to: nil, in: mix.engineRoom)
        }
        conferences[room]?.beep = control
    }

    /// Hands one participant's prompter an event and carries out what it asks. With `collectsSound`
    /// a sound it asks to play is returned instead of played, for ``tellOthers(in:but:_:leavingOut:)``.
    @discardableResult
    func drivePrompter(_ id: Int, _ event: ParticipantRoomEvent, collectsSound: Bool = false) -> BridgePrompt? {
        guard let actions = calls[id]?.prompter.receive(event) else { return nil }
        var collected: BridgePrompt?
        for action in actions {
            switch action {
            case .playInFront(let prompt) where collectsSound:
                collected = prompt
            case .playInFront(let prompt):
                play([prompt], to: id, looping: false, reportsEnd: false)
            case .loopInFront(let prompt):
                play([prompt], to: id, looping: true, reportsEnd: false)
            case .stopPrompts:
                silencePrompts(of: id)
            case .startTimer(let timer, let delay):
                startTimer(timer, after: delay, for: id)
            case .cancelTimer(let timer):
                calls[id]?.timers[timer] = nil
            case .kick:
                Task { await self.kickLonely(id) }
            }
        }
        return collected
    }

    func kickLonely(_ id: Int) async {
        await updateRow(id, .kicked)
        sendAway(id)
    }

    /// Plays prompts to one caller, replacing what they hear from the bridge now.
    func play(_ list: [BridgePrompt], to id: Int, looping: Bool, reportsEnd: Bool) {
        guard let call = calls[id], let member = call.member, let engineRoom = call.engineRoom else { return }
        let token = newToken(for: id, reportsEnd: reportsEnd)
        let rate = settings.roomRate
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
            CallPromptSource(nil, sampleRate: settings.roomRate, token: token) { continuation.yield($0) }, to: member,
            in: engineRoom)
    }

    func newToken(for id: Int, reportsEnd: Bool) -> UInt64 {
        nextToken += 1
        promptOwners[nextToken] = (id, reportsEnd)
        calls[id]?.promptToken = nextToken
        calls[id]?.promptTokens.insert(nextToken)
        return nextToken
    }

    func promptFinished(_ token: UInt64) async {
        guard let owner = promptOwners.removeValue(forKey: token) else { return }
        calls[owner.call]?.promptTokens.remove(token)
        guard owner.reportsEnd,
              calls[owner.call]?.promptToken == token
        else { return }
        await driveDialIn(owner.call, .promptsFinished)
    }
}
