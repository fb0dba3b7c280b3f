import ConferenceModel

/// Read-only answers for the control interface: Kamailio's `imc.list_rooms` and
/// `imc.list_members` RPCs (spec §14).
extension IMCRoomManager {
    /// `imc.list_rooms`: every room in `#rooms` order with its member count (invited included)
    /// and the URI at the head of its member list.
    public var roomListing: [IMCRoomListing] {
        roomsInListOrder.map {
            IMCRoomListing(room: $0.address.uri, members: $0.members.count, owner: $0.members.first?.address.uri ?? "")
        }
    }

    /// `imc.list_members <room URI>`: the room's stored URI and every member's URI in list order.
    ///
    /// - Parameter roomURI: the RPC parameter, `nil` when none was given.
    /// - Throws: ``IMCMemberListingError`` with Kamailio's fault strings.
    public func memberListing(roomURI: String?) throws(IMCMemberListingError) -> IMCMemberListing {
        guard let roomURI else { throw .noRoomName }
        guard let first = roomURI.first, first != "." else { throw .emptyRoomName }
        guard let uri = try? IMCMessageURI(parsing: roomURI) else { throw .invalidRoomName }
        guard let room = self.room(uri.address) else { throw .roomNotFound }
        return IMCMemberListing(
            room: room.address.uri, members: room.members.map(\.address.uri), count: room.members.count
        )
    }
}
