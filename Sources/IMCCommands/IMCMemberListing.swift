/// A room's members as Kamailio's `imc.list_members` RPC shows them (spec §14).
public struct IMCMemberListing: Sendable, Hashable {
    /// `room`: the stored room URI.
    public var room: String
    /// `members`: every member's URI, invited ones included, in list order.
    public var members: [String]
    /// `count`: the number of members.
    public var count: Int

    /// Creates a listing.
    public init(room: String, members: [String], count: Int) {
        self.room = room
        self.members = members
        self.count = count
    }
}
