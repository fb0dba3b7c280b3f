/// An IM conference room: its address, whether it is private, and its members in Kamailio's
/// list order (the first member at the head, every later one inserted right after the head).
public struct IMRoom: Sendable, Hashable {
    /// The room's address; its URI is `sip:<name>@<domain>`.
    public var address: IMAddress
    /// Joined by invitation only (Kamailio `IMC_ROOM_PRIV`).
    public var isPrivate: Bool
    /// Members, invited ones included, in list order.
    public var members: [IMMember]

    /// Creates a room.
    public init(address: IMAddress, isPrivate: Bool = false, members: [IMMember] = []) {
        self.address = address
        self.isPrivate = isPrivate
        self.members = members
    }

    /// Creates a room from members in the order they were added (a store's row order), arranged
    /// as Kamailio arranges them: the first at the head, each later one right after the head
    /// (imc_mng.c `imc_add_member`), so `[a, b, c]` becomes `[a, c, b]`.
    public init(address: IMAddress, isPrivate: Bool, membersInJoinOrder: [IMMember]) {
        var members: [IMMember] = []
        for member in membersInJoinOrder {
            members.insert(member, at: members.isEmpty ? 0 : 1)
        }
        self.init(address: address, isPrivate: isPrivate, members: members)
    }

    /// Kamailio's `imc_rooms.flag` column: private 1.
    public var kamailioFlag: Int { isPrivate ? 1 : 0 }
}
