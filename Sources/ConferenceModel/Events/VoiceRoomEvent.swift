/// One change to a voice room, in the order the room model made it (DESIGN.md: every change to a
/// room comes out as an event). Front doors render events in their own dialect; the live view of
/// a room is its events from when it opened.
///
/// Participants are named by their call tag, the key of their row (SEMS's `call_tag`).
public enum VoiceRoomEvent: Sendable, Hashable {
    /// A room opened: by `roomCreate`, a first caller or dial-out, or at start (predefined).
    case roomOpened(room: String)
    /// A room closed: deleted, timed out, or expired empty. Its live calls are hung up.
    case roomClosed(room: String)
    /// A call got its row (or filled its invitation): a dial-out before its INVITE leaves, a
    /// caller when admitted. The row is as it stands after the change.
    case participantJoined(room: String, participant: VoiceParticipant)
    /// A call's status and reason changed (ringing, answered, hung up, finished).
    case participantStatusChanged(room: String, callTag: String, status: VoiceParticipant.Status, reason: String)
    /// A call's row went without the call ever existing (a dial-out that could not start).
    case participantRemoved(room: String, callTag: String)
    /// The control API muted a participant: their voice no longer reaches the room.
    case participantMuted(room: String, callTag: String)
    /// The control API unmuted a participant.
    case participantUnmuted(room: String, callTag: String)
    /// The control API sent a participant away (BYE, or CANCEL while a dial-out rings).
    case participantKicked(room: String, callTag: String)
    /// Talker detection found a participant speaking.
    case participantStartedTalking(room: String, callTag: String)
    /// A participant stopped speaking.
    case participantStoppedTalking(room: String, callTag: String)
    /// The floor (the loudest recent talker) moved to a participant, or to nobody.
    case floorChanged(room: String, callTag: String?)

    /// The room the event belongs to.
    public var room: String {
        switch self {
        case .roomOpened(let room), .roomClosed(let room), .participantJoined(let room, _),
             .participantStatusChanged(let room, _, _, _), .participantRemoved(let room, _),
             .participantMuted(let room, _), .participantUnmuted(let room, _), .participantKicked(let room, _),
             .participantStartedTalking(let room, _), .participantStoppedTalking(let room, _),
             .floorChanged(let room, _):
            room
        }
    }
}

extension VoiceRoomEvent: CustomStringConvertible {
    /// The event as one log line, e.g. `room 4711: participant 5A1F… muted`.
    public var description: String {
        let change: String
        switch self {
        case .roomOpened: change = "opened"
        case .roomClosed: change = "closed"
        case .participantJoined(_, let participant):
            change = "participant \(participant.callTag) (\(participant.number)) joined: \(participant.status) \"\(participant.reason)\""
        case .participantStatusChanged(_, let callTag, let status, let reason):
            change = "participant \(callTag) is \(status) \"\(reason)\""
        case .participantRemoved(_, let callTag): change = "participant \(callTag) removed"
        case .participantMuted(_, let callTag): change = "participant \(callTag) muted"
        case .participantUnmuted(_, let callTag): change = "participant \(callTag) unmuted"
        case .participantKicked(_, let callTag): change = "participant \(callTag) kicked"
        case .participantStartedTalking(_, let callTag): change = "participant \(callTag) started talking"
        case .participantStoppedTalking(_, let callTag): change = "participant \(callTag) stopped talking"
        case .floorChanged(_, let callTag): change = "floor to \(callTag ?? "nobody")"
        }
        return "room \(room): \(change)"
    }
}
