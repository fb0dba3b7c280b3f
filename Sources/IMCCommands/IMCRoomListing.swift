/// One room as Kamailio's `imc.list_rooms` RPC shows it (spec §14).
public struct IMCRoomListing: Sendable, Hashable {
    /// `room`: the room URI, `sip:<name>@<domain>`.
    public var room: String
    /// `members`: every member, invited ones included.
    public var members: Int
    /// `owner`: the URI at the head of the member list (normally the owner; after a load it may
    /// be anyone, B14, kept as Kamailio shows it), or the empty string for a room with no members.
    public var owner: String

    /// Creates a listing entry.
    public init(room: String, members: Int, owner: String) {
        self.room = room
        self.members = members
        self.owner = owner
    }
}
