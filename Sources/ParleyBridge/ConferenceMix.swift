import MediaMixer

/// The media side of one room: its engine room, the calls in its mix in joining order, the
/// dial-outs ringing into it, and the ringback they play.
struct ConferenceMix {
    let engineRoom: MediaRoomID
    var members: [Int] = []
    var ringing: Set<Int> = []
    var ringback: RingbackTone.Switch?

    /// Participants as participant room events count them: ringing dial-outs included.
    var participantCount: Int { members.count + ringing.count }

    var isEmpty: Bool { members.isEmpty && ringing.isEmpty }
}
