/// A participant a voice room has invited (dialled out to), as a ``ConferenceStore`` keeps it.
public struct StoredInvitation: Sendable, Hashable {
    /// The participant's ID in the room.
    public var participantID: String
    /// The number or URI that was dialled.
    public var number: String

    /// Creates an invitation.
    public init(participantID: String, number: String) {
        self.participantID = participantID
        self.number = number
    }
}
