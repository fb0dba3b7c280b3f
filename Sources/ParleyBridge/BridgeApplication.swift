import ConferenceModel
import ControlAPI
import Foundation
import Logging
import ServiceLifecycle
import VoiceBridge

/// `parley-bridge` assembled from checked settings, once its rooms are loaded: the room directory,
/// the voice bridge, the XML-RPC front door and the call counters, run as one group.
///
/// The rooms are loaded in ``run()`` because a PostgreSQL store answers only while its client runs,
/// as the service before this one. The inner group stops its services in reverse order on graceful
/// shutdown (SIGTERM, SIGINT): the XML-RPC server, then the bridge (every call hung up, SIP sockets
/// and media threads closed), then the counters' last save; then the feedback file is flushed.
struct BridgeApplication: Service, CustomStringConvertible {
    let settings: BridgeSettings
    let roomStore: any ConferenceStore
    let logger: Logger

    /// How ServiceLifecycle names the service in its logs: the settings stay out, since a
    /// `postgres://` URL may carry a password.
    var description: String { "parley-bridge" }

    func run() async throws {
        let logger = self.logger
        let statisticsStore = try CallStatisticsStore(
            databasePath: settings.databasePath, statisticsDirectory: settings.statisticsDirectory)
        // Room changes are written through before the control API answers, so a restart (even
        // after SIGKILL) comes back with every room, admin PIN and invitation.
        let registry = VoiceRoomRegistry(
            policy: settings.policy, statistics: try statisticsStore.load(), restoring: try await roomStore.loadRooms(),
            store: roomStore, onStoreFailure: { error in logger.error("room change not stored: \(error)") })
        let bridge = VoiceBridgeService(
            configuration: settings.voiceBridge, registry: registry, logger: logger,
            onListening: { addresses in
                for address in addresses {
                    Self.announce("parley-bridge listening on \(address.transport.rawValue.lowercased()):\(address.host):\(address.port)")
                }
            })
        let feedback = WebConferenceFeedbackLog(path: settings.feedbackFile, resetDirectory: settings.feedbackDirectory)
        var services: [any Service] = [CallStatisticsKeeper(registry: registry, store: statisticsStore, logger: logger), bridge]
        if let xmlrpc = settings.xmlrpc {
            let interface = WebConferenceInterface(registry: registry, callControl: bridge, feedback: feedback)
            services.append(
                XMLRPCServer(
                    configuration: xmlrpc, methods: interface.methods, logger: logger,
                    onListening: { port in Self.announce("parley-bridge xmlrpc on http://\(xmlrpc.host):\(port)/") }))
        }
        if logger.logLevel <= .debug { services.append(RoomEventLog(registry: registry, logger: logger)) }

        let group = ServiceGroup(services: services, logger: logger)
        try await withGracefulShutdownHandler {
            try await group.run()
        } onGracefulShutdown: {
            Task { await group.triggerGracefulShutdown() }
        }
        await feedback.flush()
    }

    /// A line tests and operators wait for, written at once.
    static func announce(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
