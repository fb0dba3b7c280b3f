import ConferenceModel
import Logging
import ServiceLifecycle

/// Logs every room event at debug level, for operators following a room.
struct RoomEventLog: Service {
    let registry: VoiceRoomRegistry
    let logger: Logger

    func run() async throws {
        for await event in await registry.events().cancelOnGracefulShutdown() { logger.debug("\(event)") }
    }
}
