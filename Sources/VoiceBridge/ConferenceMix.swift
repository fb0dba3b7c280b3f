import MediaMixer

/// The media side of one room: its engine room, the calls in its mix in joining order, the
/// dial-outs ringing into it, the ringback they play, and the join or drop beep playing now.
struct ConferenceMix {
    let engineRoom: MediaRoomID
    var members: [Int] = []
    var ringing: Set<Int> = []
    var ringback: PlaybackSwitch?
    var beep: PlaybackSwitch?
    /// The last room change announced to the members, and the one whose sound plays now: each
    /// member's machine asks for the join or drop sound, and it plays once.
    var lastAnnouncement: UInt64 = 0
    var soundedAnnouncement: UInt64 = 0
    /// Who the sound of ``lastAnnouncement`` leaves out (the joiner hears no beep).
    var announcementLeavesOut: MediaMemberID?

    /// Participants as participant room events count them: ringing dial-outs included.
    var participantCount: Int { members.count + ringing.count }

    var isEmpty: Bool { members.isEmpty && ringing.isEmpty }
}
