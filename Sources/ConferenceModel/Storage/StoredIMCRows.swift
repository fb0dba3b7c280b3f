/// The rows of Kamailio's `imc_rooms` and `imc_members` tables, in row id order, as both stores
/// read them; turns them into rooms.
struct StoredIMCRows {
    /// One `imc_rooms` row.
    struct Room {
        var name: String
        var domain: String
        var flag: Int
    }

    /// One `imc_members` row; `room` is the room's URI (`sip:chat-1@imc.test`).
    struct Member {
        var username: String
        var domain: String
        var room: String
        var flag: Int
    }

    var rooms: [Room] = []
    var members: [Member] = []

    /// Every room, each with the members whose `room` column names it (compared ignoring case, as
    /// Kamailio compares URIs), in row id order.
    ///
    /// Unlike Kamailio 5.6's `add_from_db`, a room without member rows does not end the load
    /// (bug B6): it is returned empty and the rooms after it are returned too. Member rows of a
    /// room that has no `imc_rooms` row are left out, as Kamailio leaves them out.
    func imRooms() -> [IMRoom] {
        var membersByRoomURI: [String: [IMMember]] = [:]
        for row in members {
            let member = IMMember(address: IMAddress(user: row.username, domain: row.domain), kamailioFlag: row.flag)
            membersByRoomURI[row.room.lowercased(), default: []].append(member)
        }
        return rooms.map { row in
            let address = IMAddress(user: row.name, domain: row.domain)
            // imc_mng.h IMC_ROOM_PRIV = 1; the other bit (IMC_ROOM_DELETED = 2) only lives in memory.
            return IMRoom(
                address: address,
                isPrivate: row.flag & 1 != 0,
                membersInJoinOrder: membersByRoomURI[address.uri.lowercased()] ?? []
            )
        }
    }
}
