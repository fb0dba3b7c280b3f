/// One change to the IM rooms, as the room logic makes it and a store writes it through.
///
/// A store applies changes in order and keeps members in the order they were added, from which
/// ``IMRoom/init(address:isPrivate:membersInJoinOrder:)`` rebuilds the room's list order.
public enum IMRoomChange: Sendable, Hashable {
    /// A room was created (with no members yet; its owner follows as `memberAdded`).
    case roomCreated(IMAddress, isPrivate: Bool)
    /// A room and all its members were removed.
    case roomDestroyed(IMAddress)
    /// A member was added to a room.
    case memberAdded(room: IMAddress, member: IMMember)
    /// A member's role or invitation state changed.
    case memberUpdated(room: IMAddress, member: IMMember)
    /// A member left or was removed.
    case memberRemoved(room: IMAddress, member: IMAddress)
}
