/// Whether a voice room is being recorded, as a ``ConferenceStore`` keeps it.
///
/// The raw values are what the stores write in `parley_rooms.recording`.
public enum StoredRecordingState: String, Sendable, Hashable, CaseIterable {
    /// Not recording.
    case off
    /// Recording.
    case on
    /// Recording, paused: the recording goes on when resumed.
    case paused
}
