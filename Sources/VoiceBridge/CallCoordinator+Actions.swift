import ConferenceModel
import Logging
import MediaMixer
import NIOCore
import SIPCore

/// Carrying out what a call's machine asks, and the timers and media events that answer it.
extension CallCoordinator {
    /// Performs `actions` for one call in order. The directory's answers go into the call's inbox
    /// (its drainer takes them next); the driver's own answers (the media moved, the mix counted
    /// the participant) are fed back at once, since nothing can come between.
    func perform(_ actions: [ConferenceCallAction], call id: Int, announcement: UInt64?) async {
        for action in actions {
            // Looked up, not copied: a join or leave runs this for every member of the room.
            guard calls.keys.contains(id) else { return }
            switch action {
            case .play(let list):
                play(list, to: id, looping: false, reportsEnd: true)
            case .flushPrompts, .stopPrompts:
                silencePrompts(of: id)
            case .playInFront(let prompt):
                if let announcement {
                    playRoomSound(prompt, announcement: announcement, heardBy: id)
                } else {
                    play([prompt], to: id, looping: false, reportsEnd: false)
                }
            case .loopInFront(let prompt):
                play([prompt], to: id, looping: true, reportsEnd: false)
            case .startTimer(let timer, let delay):
                startTimer(timer, after: delay, for: id)
            case .cancelTimer(let timer):
                calls[id]?.timers.removeValue(forKey: timer)?.task.cancel()
            case .validate(let room, let participantID):
                let isValid = await registry.update { directory, _ in
                    guard let entry = directory.rooms[room] else { return false }
                    return participantID.isEmpty || entry.hasParticipant(participantID: participantID)
                }
                answer(.roomValidated(isValid: isValid), to: id)
            case .admit(let room, let participantID, let reason):
                let requireInvitation = configuration.dialIn.roomPINSplit != nil
                let (tag, number) = identity(of: id)
                let admission = await registry.update { directory, now in
                    directory.admitCaller(
                        room: room, callTag: tag, number: number, participantID: participantID, reason: reason,
                        requireInvitation: requireInvitation, at: now)
                }
                if admission == .roomFull { logger.notice("call \(tag) from \(number) refused: room \(room) is full") }
                calls[id]?.joinReason = reason
                answer(.admission(admission), to: id)
            case .withdraw(let room):
                let tag = identity(of: id).callTag
                logger.info("call \(tag) did not reach room \(room): its row is taken back")
                await registry.update { directory, now in directory.withdrawCaller(room: room, callTag: tag, at: now) }
            case .updateRow(let room, let update):
                let tag = identity(of: id).callTag
                await registry.update { directory, now in
                    directory.updateStatus(room: room, callTag: tag, status: update.status, reason: update.reason, at: now)
                }
            case .finish(let room, let updates, let seconds):
                let tag = identity(of: id).callTag
                // One visit to the registry for the row and the statistics.
                await registry.update { directory, now in
                    if let room {
                        for update in updates {
                            directory.updateStatus(room: room, callTag: tag, status: update.status, reason: update.reason, at: now)
                        }
                    }
                    directory.statistics.recordCall(connectedSeconds: seconds)
                }
            case .moveToRoom(let room):
                let moved = moveToConference(id, room: room)
                if moved {
                    let (tag, number) = identity(of: id)
                    logger.info("call \(tag) from \(number) entered room \(room) (\(calls[id]?.joinReason ?? ""))")
                }
                await feedAtOnce(.mediaMoved(succeeded: moved), to: id)
            case .enterMix(let room):
                guard let count = enterMix(id, room: room) else { continue }
                await feedAtOnce(.roomChanged(.entered(participantCount: count)), to: id)
                await tellOthers(in: room, but: id, .otherJoined(participantCount: count), leavingOut: calls[id]?.member)
            case .leaveMix(let room):
                await leaveMix(id, room: room)
            case .startRinging(let room):
                await startRinging(id, room: room)
            case .stopRinging(let room, let answered):
                await stopRinging(id, room: room, answered: answered)
            case .startEarlyMedia(let room):
                startEarlyMedia(id, room: room)
            case .applyMute(let muted):
                if let member = calls[id]?.member, let engineRoom = calls[id]?.engineRoom {
                    engine.setMuted(muted, member: member, in: engineRoom)
                }
            case .releaseMedia:
                releaseMedia(of: id)
            case .hangUp:
                calls[id]?.handle.hangUp()
            }
        }
    }

    /// The call's tag and number, for its row and the log.
    private func identity(of id: Int) -> (callTag: String, number: String) {
        guard let machine = calls[id]?.machine else { return ("", "") }
        return (machine.callTag, machine.number)
    }

    /// Feeds the driver's own answer to a request the machine just made, before anything waiting.
    private func feedAtOnce(_ input: ConferenceCallInput, to id: Int) async {
        guard let actions = calls[id]?.machine.receive(input, at: clock()) else { return }
        await perform(actions, call: id, announcement: nil)
    }

    /// Moves a dial-in's leg from its own room into `room`'s mix (SEMS `connectConference`).
    private func moveToConference(_ id: Int, room: String) -> Bool {
        guard let call = calls[id], let member = call.member, let lobby = call.lobby else { return false }
        do {
            let engineRoom = try conferenceRoom(room)
            // Keys are ignored in the conference (spec §7.1): no in-band detection there.
            try engine.moveMember(member, from: lobby, to: engineRoom, detectsInBandDTMF: false)
            engine.removeRoom(lobby)
            calls[id]?.stream?.detectsInBandDTMF = false
            calls[id]?.engineRoom = engineRoom
            calls[id]?.lobby = nil
            return true
        } catch {
            logger.warning("call \(call.machine.callTag) could not join \(room): \(error)")
            closeIfEmpty(room)
            return false
        }
    }

    /// Lets go of everything the call held in the media engine and the port pool.
    private func releaseMedia(of id: Int) {
        guard let call = calls[id] else { return }
        if let member = call.member, let engineRoom = call.engineRoom {
            engine.removeMember(member, from: engineRoom)
            callsByMember[member] = nil
        }
        if let lobby = call.lobby { engine.removeRoom(lobby) }
        if let port = call.localPort { ports.release(port) }
        // Batches replaced before they ended never report; forget them with the call.
        for token in call.promptTokens { promptOwners[token] = nil }
        for timer in call.timers.values { timer.task.cancel() }
        calls[id]?.member = nil
        calls[id]?.engineRoom = nil
        calls[id]?.lobby = nil
        calls[id]?.localPort = nil
        calls[id]?.promptTokens = []
        calls[id]?.timers = [:]
    }

    // MARK: - Timers

    func startTimer(_ timer: BridgeTimer, after delay: Duration, for id: Int) {
        nextTimerGeneration += 1
        let generation = nextTimerGeneration
        calls[id]?.timers[timer]?.task.cancel()
        let task = timerLoop.scheduleTask(in: TimeAmount(delay)) {
            _ = Task { await self.timerFired(timer, generation: generation, call: id) }
        }
        calls[id]?.timers[timer] = (generation, task)
    }

    private func timerFired(_ timer: BridgeTimer, generation: UInt64, call id: Int) async {
        guard calls[id]?.timers[timer]?.generation == generation else { return }
        calls[id]?.timers[timer] = nil
        await deliver(.timerFired(timer), to: id)
    }

    // MARK: - Media events

    func handle(_ event: MediaEngineEvent) async {
        switch event {
        case .digit(_, let member, let key):
            guard let id = callsByMember[member] else { return }
            await deliver(.key(key), to: id)
        case .mediaTimedOut(_, let member):
            // SEMS onRtpTimeout (spec §8.4): leave the room, then BYE.
            guard let id = callsByMember[member], let call = calls[id] else { return }
            logger.notice(
                "call \(call.machine.callTag) with \(call.machine.number) sent no RTP for \(configuration.rtpTimeout ?? .zero): hanging up")
            await deliver(.mediaTimedOut, to: id)
        case .startedTalking(_, let member):
            if let (room, tag) = roomAndTag(of: member) { await registry.publish([.participantStartedTalking(room: room, callTag: tag)]) }
        case .stoppedTalking(_, let member):
            if let (room, tag) = roomAndTag(of: member) { await registry.publish([.participantStoppedTalking(room: room, callTag: tag)]) }
        case .floorChanged(let engineRoom, _, let member):
            guard let room = conferences.first(where: { $0.value.engineRoom == engineRoom })?.key else { return }
            await registry.publish([.floorChanged(room: room, callTag: member.flatMap { roomAndTag(of: $0)?.callTag })])
        case .promptFinished, .sourceChanged:
            break
        }
    }

    /// The room and call tag of a member of a conference's mix (not of a caller still typing).
    private func roomAndTag(of member: MediaMemberID) -> (room: String, callTag: String)? {
        guard let id = callsByMember[member], let call = calls[id], call.machine.isInMix, let room = call.machine.room else { return nil }
        return (room, call.machine.callTag)
    }
}
