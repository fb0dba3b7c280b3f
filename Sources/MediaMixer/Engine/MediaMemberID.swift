/// A member's RTP leg in a ``MediaEngine`` room, named by the engine when the member is added.
public struct MediaMemberID: Hashable, Sendable, CustomStringConvertible {
    /// The engine's number for the member, unique for the engine's lifetime.
    public let rawValue: UInt64

    init(rawValue: UInt64) {
        self.rawValue = rawValue
    }

    /// `member <number>`, for logs.
    public var description: String {
        "member \(rawValue)"
    }
}
