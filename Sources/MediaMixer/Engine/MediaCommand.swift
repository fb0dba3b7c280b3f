/// Who hears a prompt the control path plays into a room.
enum PromptAudience: Sendable {
    case room
    case roomExcept(MediaMemberID)
    case member(MediaMemberID)
}

/// A change the control path asks of the media threads, applied at the start of the next tick.
enum MediaCommand: Sendable {
    case createRoom(MediaRoomID, MediaRoomSettings)
    case removeRoom(MediaRoomID)
    case addMember(MediaRoomID, MediaMemberID, RTPStreamSettings, OwnershipTransfer<RTPSession>)
    case removeMember(MediaRoomID, MediaMemberID)
    case moveMember(MediaRoomID, MediaMemberID, MediaRoomID, detectsInBandDTMF: Bool?)
    case updateStream(MediaRoomID, MediaMemberID, RTPStreamSettings)
    case setMuted(MediaRoomID, MediaMemberID, Bool)
    case setDeaf(MediaRoomID, MediaMemberID, Bool)
    case setInputGain(MediaRoomID, MediaMemberID, Float)
    case setOutputGain(MediaRoomID, MediaMemberID, Float)
    case play(MediaRoomID, PromptAudience, OwnershipTransfer<any AudioFrameSource>)
    case record(MediaRoomID, OwnershipTransfer<any AudioFrameSink>?)
}
