import ConferenceModel
import Foundation
import Logging
import MediaMixer
import SIPCore

/// Driving each caller's PIN dialogue (``DialInCall``, spec §7.1–§7.3) and its timers.
extension ConferenceBridge {
    func driveDialIn(_ id: Int, _ input: DialInInput) async {
        guard let actions = calls[id]?.dialIn.receive(input) else { return }
        for action in actions {
            switch action {
            case .play(let list):
                play(list, to: id, looping: false, reportsEnd: true)
            case .flushPrompts:
                silencePrompts(of: id)
            case .startTimer(let timer, let delay):
                startTimer(timer, after: delay, for: id)
            case .cancelTimer(let timer):
                calls[id]?.timers[timer] = nil
            case .validate(let room, let participantID):
                let isValid = await registry.update { directory, _ in
                    guard let entry = directory.rooms[room] else { return false }
                    return participantID.isEmpty || entry.hasParticipant(participantID: participantID)
                }
                await driveDialIn(id, .roomValidated(isValid: isValid))
            case .join(let room, let participantID, let reason):
                await driveDialIn(id, await join(id, room: room, participantID: participantID, reason: reason))
            case .hangUp:
                sendAway(id)
            }
        }
    }

    /// SEMS `newParticipant` and `connectConference` (spec §7.1–§7.3): the row, then the mix.
    /// Returns the directory's answer for the PIN dialogue.
    func join(_ id: Int, room: String, participantID: String, reason: String) async -> DialInInput {
        let refused = DialInInput.joinResult(succeeded: false)
        guard let call = calls[id] else { return refused }
        let requireInvitation = settings.dialIn.roomPINSplit != nil
        let (tag, number) = (call.callTag, call.number)
        let admission = await registry.update { directory, now in
            directory.admitCaller(
                room: room, callTag: tag, number: number, participantID: participantID, reason: reason,
                requireInvitation: requireInvitation, at: now)
        }
        switch admission {
        case .admitted:
            break
        case .refused:
            return refused
        case .roomFull:
            logger.notice("call \(call.callTag) from \(call.number) refused: room \(room) is full")
            return .roomFull
        }
        guard let current = calls[id], let member = current.member, let lobby = current.lobby else { return refused }
        do {
            let engineRoom = try conferenceRoom(room)
            // Keys are ignored in the conference (spec §7.1): no in-band detection there.
            try engine.moveMember(member, from: lobby, to: engineRoom, detectsInBandDTMF: false)
            engine.removeRoom(lobby)
            calls[id]?.stream?.detectsInBandDTMF = false
            calls[id]?.engineRoom = engineRoom
            calls[id]?.lobby = nil
        } catch {
            logger.warning("call \(call.callTag) could not join \(room): \(error)")
            return refused
        }
        calls[id]?.room = room
        calls[id]?.connectedAt = Date()
        logger.info("call \(call.callTag) from \(call.number) entered room \(room) (\(reason))")
        enterMix(id, room: room)
        return .joinResult(succeeded: true)
    }

    func handle(_ event: MediaEngineEvent) async {
        switch event {
        case .digit(_, let member, let key):
            guard let id = callsByMember[member] else { return }
            logger.debug("call \(calls[id]?.callTag ?? "") pressed \(key)")
            await driveDialIn(id, .digit(key))
        case .mediaTimedOut(_, let member):
            // SEMS onRtpTimeout (spec §8.4): leave the room, then BYE.
            guard let id = callsByMember[member], let call = calls[id] else { return }
            logger.notice("call \(call.callTag) with \(call.number) sent no RTP for \(settings.rtpTimeout ?? .zero): hanging up")
            sendAway(id)
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
    func roomAndTag(of member: MediaMemberID) -> (room: String, callTag: String)? {
        guard let id = callsByMember[member], let call = calls[id], call.inMix, let room = call.room else { return nil }
        return (room, call.callTag)
    }

    func startTimer(_ timer: BridgeTimer, after delay: Duration, for id: Int) {
        nextTimerGeneration += 1
        let generation = nextTimerGeneration
        calls[id]?.timers[timer] = generation
        Task {
            try? await Task.sleep(for: delay)
            await self.timerFired(timer, generation: generation, call: id)
        }
    }

    func timerFired(_ timer: BridgeTimer, generation: UInt64, call id: Int) async {
        guard calls[id]?.timers[timer] == generation else { return }
        calls[id]?.timers[timer] = nil
        switch timer {
        case .interDigit: await driveDialIn(id, .timerFired(timer))
        case .lonelyUser: drivePrompter(id, .timerFired(timer))
        }
    }
}
