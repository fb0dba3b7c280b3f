/// One change to a room, from either of its views: the voice bridge's ``VoiceRoomEvent``s and the
/// IM manager's ``IMRoomChange``s, under the name of the one ``Room`` they belong to, so that a
/// ``RoomEventHub`` can give each room a single ordered stream (DESIGN.md: an ordered stream per room).
public enum RoomEvent: Sendable, Hashable {
    /// A voice room changed; its room is the event's own ``VoiceRoomEvent/room``.
    case voice(VoiceRoomEvent)
    /// An IM room changed; `room` is the room the IM room stands for (see ``init(imChange:roomNames:)``).
    case im(IMRoomChange, room: String)

    /// An IM change under the room name `roomNames` maps its IM room to; an IM room outside the
    /// mapping (or with no mapping) keeps its own URI text, e.g. `sip:team@imc.test`, as its room
    /// name, so its events still have a stream of their own and never mix with a voice room's.
    public init(imChange change: IMRoomChange, roomNames: IMRoomNameMapping?) {
        let address = Self.imRoom(of: change)
        self = .im(change, room: roomNames?.roomName(for: address) ?? address.uri)
    }

    /// The name of the room the event belongs to.
    public var room: String {
        switch self {
        case .voice(let event): event.room
        case .im(_, let room): room
        }
    }

    private static func imRoom(of change: IMRoomChange) -> IMAddress {
        switch change {
        case .roomCreated(let room, _), .roomDestroyed(let room), .memberAdded(let room, _),
             .memberUpdated(let room, _), .memberRemoved(let room, _):
            room
        }
    }
}
