/// One write to a ``ConferenceStore``.
public enum ConferenceStoreChange: Sendable, Hashable {
    /// Inserts the room or replaces the stored one of the same name, with its invitations and
    /// settings: what was stored for that name and is not in `room` is gone afterwards.
    case roomSaved(StoredRoom)
    /// Deletes the room with that name, its invitations and its settings.
    case roomDeleted(name: String)
}
