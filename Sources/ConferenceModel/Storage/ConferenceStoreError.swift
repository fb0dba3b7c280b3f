/// A change a ``ConferenceStore`` refused, or a stored room it cannot read; a refused change's
/// whole batch was rolled back.
public struct ConferenceStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Hashable {
        /// `roomDeleted` for a room that is not stored.
        case noSuchRoom
        /// `roomSaved` with an expiry time outside the years 0000 to 9999 (UTC), which the
        /// stores cannot keep exactly (see ``StoredRoom/expiryTime``).
        case expiryTimeOutOfRange
        /// A stored room's row holds a recording state or an expiry time the store did not
        /// write and cannot read (the database was edited by hand).
        case unreadableRoom
    }

    /// What went wrong.
    public let code: Code
    /// The name of the room the change or the row was for.
    public let room: String

    /// Creates an error.
    public init(_ code: Code, room: String) {
        self.code = code
        self.room = room
    }

    /// A sentence naming the code and the room.
    public var description: String {
        "conference store: \(code) for room \(room)"
    }
}
