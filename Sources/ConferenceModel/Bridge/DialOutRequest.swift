/// A call the control API asks the voice bridge to place into a room (SEMS `dialout`, spec §4.5, §8.1).
public struct DialOutRequest: Sendable, Hashable {
    /// The room the callee joins when answering.
    public var room: String
    /// The tag the room directory lists the call under; the bridge uses it as the call's local
    /// (From) tag, so that later `kickout`/`mute` find the call.
    public var callTag: String
    /// Request-URI and To: `sip:<callee>@<callee_domain>`.
    public var calleeURI: String
    /// From: `sip:<from_user>@<domain>`.
    public var fromURI: String
    /// Digest user for a 401/407 challenge (any realm).
    public var authUser: String
    /// Digest password.
    public var authPassword: String
    /// Extra header lines for the INVITE (SEMS splits its `headers` argument at `|`).
    public var extraHeaders: [String]
    /// The participant id, possibly `""`.
    public var participantID: String

    /// Creates a request.
    public init(
        room: String, callTag: String, calleeURI: String, fromURI: String, authUser: String, authPassword: String,
        extraHeaders: [String], participantID: String
    ) {
        self.room = room
        self.callTag = callTag
        self.calleeURI = calleeURI
        self.fromURI = fromURI
        self.authUser = authUser
        self.authPassword = authPassword
        self.extraHeaders = extraHeaders
        self.participantID = participantID
    }
}
