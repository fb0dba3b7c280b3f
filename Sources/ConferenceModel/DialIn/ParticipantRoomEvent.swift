/// A change in a participant's room, as that participant's ``ParticipantPrompter`` sees it.
///
/// Every count is the number of participants in the room's mix after the change, this listener
/// included. A dial-out that rings or has early media is in the mix (the room hears its ringback or
/// early media, spec §8.3), so it counts.
public enum ParticipantRoomEvent: Sendable, Hashable {
    /// This participant is now in the mix: a dial-in caller joined, or a dial-out callee answered.
    case entered(participantCount: Int)
    /// Someone else joined: a dial-in caller entered, or a dial-out callee answered.
    case otherJoined(participantCount: Int)
    /// Someone else's dial-out started ringing or got early media.
    case otherRinging(participantCount: Int)
    /// Someone else who had joined left.
    case otherLeft(participantCount: Int)
    /// Someone else's dial-out left the mix without ever answering (busy, declined, cancelled).
    case otherStoppedRinging(participantCount: Int)
    /// A timer started with ``ParticipantPrompterAction/startTimer(_:after:)`` expired.
    case timerFired(BridgeTimer)
    /// This participant left the room (hung up, kicked, timed out): stop.
    case leftRoom
}
