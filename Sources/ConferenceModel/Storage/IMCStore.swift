/// Where IM rooms and members are kept: loaded once at start, then written through on every change.
///
/// Implementations keep Kamailio's `imc_rooms` / `imc_members` tables so existing rows can be used
/// as they are. Every ``apply(_:)`` is durable when it returns: a crash afterwards loses nothing.
public protocol IMCStore: Sendable {
    /// Every room, built with ``IMRoom/init(address:isPrivate:membersInJoinOrder:)`` from its
    /// members in the order they were stored.
    func loadRooms() async throws -> [IMRoom]
    /// Writes changes, all or none, in order.
    func apply(_ changes: [IMRoomChange]) async throws
}
