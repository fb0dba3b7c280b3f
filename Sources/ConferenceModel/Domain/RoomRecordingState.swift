/// Whether a room's mix is being recorded.
///
/// The raw values are what the stores write in `parley_rooms.recording`.
public enum RoomRecordingState: String, Sendable, Hashable, CaseIterable {
    /// Not recording.
    case off
    /// Recording.
    case on
    /// Recording, paused: the recording goes on when resumed.
    case paused
}
