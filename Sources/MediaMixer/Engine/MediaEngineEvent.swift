/// Something a ``MediaEngine`` noticed on a media thread, reported to the control path.
public enum MediaEngineEvent: Sendable, Hashable {
    /// A member pressed a key, reported once per RFC 4733 event (repeats and end packets merged).
    case digit(MediaRoomID, MediaMemberID, Character)
    /// Talker detection found a member speaking.
    case startedTalking(MediaRoomID, MediaMemberID)
    /// A member stopped speaking.
    case stoppedTalking(MediaRoomID, MediaMemberID)
    /// The floor (the loudest recent talker) moved.
    case floorChanged(MediaRoomID, from: MediaMemberID?, to: MediaMemberID?)
    /// A prompt finished playing, to one member or (`nil`) to the whole room.
    case promptFinished(MediaRoomID, MediaMemberID?)
    /// A member's stream switched to a new synchronisation source (RFC 3550 §8.2).
    case sourceChanged(MediaRoomID, MediaMemberID, ssrc: UInt32)
    /// A member's peer has sent no RTP for the stream's ``RTPStreamSettings/mediaTimeout``;
    /// reported once per silence (a packet starts the count again).
    case mediaTimedOut(MediaRoomID, MediaMemberID)
}
