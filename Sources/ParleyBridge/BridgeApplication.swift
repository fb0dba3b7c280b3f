import ConferenceModel
import ControlAPI
import Foundation
import Logging
import ServiceLifecycle
import VoiceBridge

/// `parley-bridge` assembled from checked settings: the room directory and its stores, the voice
/// bridge, the XML-RPC front door and the call counters, as services for one `ServiceGroup`.
///
/// Graceful shutdown (SIGTERM, SIGINT) stops them in reverse order: the XML-RPC server, then the
/// bridge (every call hung up, SIP sockets and media threads closed), then the counters' last
/// save; ``finish()`` flushes the feedback file.
struct BridgeApplication {
    let services: [any Service]
    private let feedback: WebConferenceFeedbackLog

    init(settings: BridgeSettings, logger: Logger) async throws {
        let statisticsStore = try CallStatisticsStore(
            databasePath: settings.databasePath, statisticsDirectory: settings.statisticsDirectory)
        // Rooms, admin PINs and invitations live in the same SQLite file, written through before
        // the control API answers, so a restart (even after SIGKILL) comes back with them.
        let roomStore = try SQLiteConferenceStore(path: settings.databasePath)
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
        feedback = WebConferenceFeedbackLog(path: settings.feedbackFile, resetDirectory: settings.feedbackDirectory)
        var services: [any Service] = [CallStatisticsKeeper(registry: registry, store: statisticsStore, logger: logger), bridge]
        if let xmlrpc = settings.xmlrpc {
            let interface = WebConferenceInterface(registry: registry, callControl: bridge, feedback: feedback)
            services.append(
                XMLRPCServer(
                    configuration: xmlrpc, methods: interface.methods, logger: logger,
                    onListening: { port in Self.announce("parley-bridge xmlrpc on http://\(xmlrpc.host):\(port)/") }))
        }
        if logger.logLevel <= .debug { services.append(RoomEventLog(registry: registry, logger: logger)) }
        self.services = services
    }

    /// Writes what the feedback file still buffers; after the services stopped.
    func finish() async {
        await feedback.flush()
    }

    /// A line tests and operators wait for, written at once.
    static func announce(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
