import MediaMixer

/// The media side of one room: its engine room, the calls in its mix in joining order, the
/// dial-outs ringing into it, the ringback they play, and the join or drop beep playing now.
struct ConferenceMix {
    let engineRoom: MediaRoomID
    var members: [Int] = []
    var ringing: Set<Int> = []
    var ringback: PlaybackSwitch?
    var beep: PlaybackSwitch?

    /// Participants as participant room events count them: ringing dial-outs included.
    var participantCount: Int { members.count + ringing.count }

    var isEmpty: Bool { members.isEmpty && ringing.isEmpty }
}
