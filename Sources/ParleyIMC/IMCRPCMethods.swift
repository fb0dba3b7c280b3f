import ControlAPI
import IMCCommands

/// Kamailio imc's RPC methods for ``JSONRPCServer``, answering as Kamailio's jsonrpcs does:
/// `imc.list_rooms`, `imc.list_members` (spec §14) and `stats.get_statistics` for the
/// `imc:active_rooms` statistic (spec §15).
///
/// Parameters are read by position, as `kamcmd`/`kamctl rpc` send them
/// (`"params": ["sip:chat-1@imc.test"]`); named parameters are read by position too, in the
/// order sent, as jsonrpcs does (``JSONRPCParameters/values``). Faults use Kamailio's codes and
/// texts; serve them with ``JSONRPCErrorStatus/kamailio`` to get Kamailio's HTTP statuses too.
enum IMCRPCMethods {
    /// The method table.
    ///
    /// - Parameter rooms: returns a copy of the current room manager; called once per request,
    ///   so each answer is read from one consistent state.
    static func methods(rooms: @escaping @Sendable () async -> IMCRoomManager) -> [String: JSONRPCMethod] {
        [
            "imc.list_rooms": { _ throws(JSONRPCError) in
                listRooms(await rooms())
            },
            "imc.list_members": { parameters throws(JSONRPCError) in
                try listMembers(await rooms(), parameters: parameters)
            },
            "stats.get_statistics": { parameters throws(JSONRPCError) in
                try statistics(await rooms(), parameters: parameters)
            },
        ]
    }

    /// `imc.list_rooms`: an array with one `{"room", "members", "owner"}` object per room, in
    /// `#rooms` order; `[]` without rooms (the method is `RET_ARRAY` in `imc.c`).
    static func listRooms(_ manager: IMCRoomManager) -> JSONRPCValue {
        .array(
            manager.roomListing.map {
                ["room": .string($0.room), "members": .int($0.members), "owner": .string($0.owner)]
            })
    }

    /// `imc.list_members <room URI>`: `{"room", "members": [URIs], "count"}`, or fault 500 with
    /// `No room name`, `Empty room name`, `Invalid room name` or `Room not found`.
    ///
    /// The room URI must be a JSON string: `imc.c` scans it with `"S"`, which does not convert
    /// numbers, so anything else counts as no room name.
    static func listMembers(_ manager: IMCRoomManager, parameters: JSONRPCParameters) throws(JSONRPCError) -> JSONRPCValue {
        let listing: IMCMemberListing
        do throws(IMCMemberListingError) {
            listing = try manager.memberListing(roomURI: parameters[0]?.stringValue)
        } catch {
            throw JSONRPCError(code: JSONRPCError.Code(error.faultCode), message: error.message)
        }
        return [
            "room": .string(listing.room),
            "members": .array(listing.members.map(JSONRPCValue.string)),
            "count": .int(listing.count),
        ]
    }

    /// `stats.get_statistics <name> [<name> ...]` as Kamailio's kex module answers it
    /// (`core_stats.c`): an array of `"<group>:<name> = <value>"` lines. Each parameter is `all`,
    /// a group with a trailing colon (`imc:`), or a bare statistic name (`active_rooms`); names
    /// that match nothing add nothing. Scanning stops at the first parameter that is not a string;
    /// without a string first parameter the fault is 400 `Please provide which stats to retrieve`.
    ///
    /// `imc:active_rooms` is the number of rooms; Kamailio registers it but never updates it
    /// (always 0, bug B15, fixed here).
    static func statistics(_ manager: IMCRoomManager, parameters: JSONRPCParameters) throws(JSONRPCError) -> JSONRPCValue {
        let names = parameters.values.prefix { $0.stringValue != nil }.compactMap(\.stringValue)
        guard !names.isEmpty else {
            throw JSONRPCError(code: JSONRPCError.Code(400), message: "Please provide which stats to retrieve")
        }
        let activeRooms = JSONRPCValue.string("imc:active_rooms = \(manager.activeRoomCount)")
        return .array(
            names.compactMap { name in
                switch name {
                case "all", "imc:", "active_rooms": activeRooms
                default: nil
                }
            })
    }
}
