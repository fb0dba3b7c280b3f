/// A room of a ``MediaEngine``, named by the engine when the room is created.
public struct MediaRoomID: Hashable, Sendable, CustomStringConvertible {
    /// The engine's number for the room, unique for the engine's lifetime.
    public let rawValue: UInt64

    init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// `room <number>`, for logs.
    public var description: String {
        "room \(rawValue)"
    }
}
