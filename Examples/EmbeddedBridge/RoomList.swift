import ConferenceModel
import Hummingbird

/// The body of `GET /rooms`: every room by name, with its participants.
struct RoomList: ResponseEncodable {
    struct Participant: Codable {
        let callTag: String
        let number: String
        let status: String
        let muted: Bool
    }

    struct Room: Codable {
        let name: String
        let participants: [Participant]
    }

    let rooms: [Room]

    init(_ directory: VoiceRoomDirectory) {
        rooms = directory.rooms.values.sorted { $0.name < $1.name }.map { room in
            Room(
                name: room.name,
                participants: room.participants.map {
                    Participant(callTag: $0.callTag, number: $0.number, status: "\($0.status)", muted: $0.muted)
                })
        }
    }
}
