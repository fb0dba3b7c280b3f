/// Where voice rooms, their admin PINs, invitations and settings are kept so that they survive a
/// restart: loaded once at start, then written through on every change.
///
/// Every ``apply(_:)`` is durable when it returns: a crash afterwards, even a `kill -9` or a
/// power cut, loses nothing of it.
public protocol ConferenceStore: Sendable {
    /// Every stored room, sorted by name in byte order (of the names' UTF-8), each with its
    /// invitations in the order they were added.
    func loadRooms() async throws -> [StoredRoom]
    /// Writes changes, all or none, in order.
    ///
    /// - Throws: ``ConferenceStoreError`` if a change does not fit what is stored; nothing of
    ///   the batch is written then.
    func apply(_ changes: [ConferenceStoreChange]) async throws
}
