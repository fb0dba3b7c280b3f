/// A change an ``IMCStore`` refused because it does not fit what is stored; the whole batch it
/// came in was rolled back.
///
/// The room logic only makes changes that fit its rooms, and its rooms are what the store
/// loaded, so this error means the two disagree: the store says so instead of guessing.
public struct IMCStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What did not fit.
    public enum Code: Sendable, Hashable {
        /// `roomCreated` for a room that is already stored.
        case roomExists
        /// A change for a room that is not stored.
        case noSuchRoom
        /// `memberAdded` for a member already stored in that room.
        case memberExists
        /// `memberUpdated` or `memberRemoved` for a member not stored in that room.
        case noSuchMember
    }

    /// What did not fit.
    public let code: Code
    /// The room the change was for.
    public let room: IMAddress
    /// The member the change was for, if it was about a member.
    public let member: IMAddress?

    /// Creates an error.
    public init(_ code: Code, room: IMAddress, member: IMAddress? = nil) {
        self.code = code
        self.room = room
        self.member = member
    }

    /// A sentence naming the code, the room and the member.
    public var description: String {
        let subject = member.map { "member \($0) of room \(room)" } ?? "room \(room)"
        return "IMC store: \(code) for \(subject)"
    }
}
