import ConferenceModel
import ControlAPI
import Foundation
import Logging
import MediaMixer
import NIOPosix
import SIPCore
import ServiceLifecycle

/// The running bridge: SIP, media, rooms and the XML-RPC front door, made from checked settings.
///
/// Graceful shutdown (SIGTERM, SIGINT) hangs up every call, closes the SIP sockets and media
/// threads, stops the XML-RPC server, flushes the feedback file and saves the call counters.
struct BridgeApplication: Service, CustomStringConvertible {
    let settings: BridgeSettings
    let logger: Logger

    var description: String { "parley-bridge" }

    func run() async throws {
        let store = try CallStatisticsStore(databasePath: settings.databasePath, statisticsDirectory: settings.statisticsDirectory)
        let registry = VoiceRoomRegistry(policy: settings.policy, statistics: try store.load())
        let logger = self.logger
        let save: @Sendable (CallStatistics) async -> Void = { statistics in
            do {
                try await store.save(statistics)
            } catch {
                logger.warning("call statistics not saved: \(error)")
            }
        }
        let engine = MediaEngine(
            mediaThreads: max(1, ProcessInfo.processInfo.activeProcessorCount), realtimePriority: settings.realtimePriority)
        let manager = InviteSessionManager(
            configuration: .init(
                endpoint: SIPEndpoint.Configuration(
                    listenAddresses: settings.listenAddresses, productName: "Parley bridge",
                    advertisedHost: settings.advertisedHost),
                contactUser: "conference", sessionTimers: settings.sessionTimers,
                maximumUnansweredCalls: settings.maximumUnansweredCalls, eventDelivery: .combined),
            eventLoop: MultiThreadedEventLoopGroup.singleton.next(), logger: logger)
        for address in try await manager.start() {
            Self.announce("parley-bridge listening on \(address.transport.rawValue.lowercased()):\(address.host):\(address.port)")
        }
        let prompts = PromptLibrary(
            directory: settings.promptsDirectory, configuration: settings.webConference, sampleRate: settings.roomRate,
            logger: logger)
        let bridge = ConferenceBridge(
            manager: manager, engine: engine, registry: registry, prompts: prompts, settings: settings, logger: logger)
        let feedback = WebConferenceFeedbackLog(path: settings.feedbackFile, resetDirectory: settings.feedbackDirectory)
        let interface = WebConferenceInterface(registry: registry, callControl: bridge, feedback: feedback)

        try await withThrowingDiscardingTaskGroup { group in
            group.addTask { await bridge.run() }
            if let xmlrpc = settings.xmlrpc {
                let server = XMLRPCServer(
                    configuration: xmlrpc, methods: interface.methods, logger: logger,
                    onListening: { port in Self.announce("parley-bridge xmlrpc on http://\(xmlrpc.host):\(port)/") })
                group.addTask { try await server.run() }
            }
            group.addTask { await Self.closeTimedOutRooms(registry: registry, bridge: bridge) }
            group.addTask { await Self.saveStatisticsWhenChanged(registry: registry, save: save) }
            if logger.logLevel <= .debug {
                group.addTask {
                    for await event in await registry.events().cancelOnGracefulShutdown() { logger.debug("\(event)") }
                }
            }
            group.addTask {
                try? await gracefulShutdown()
                await bridge.hangUpAll()
                await manager.shutdown()
                engine.shutdown()
                await feedback.flush()
                await save(await registry.update { directory, _ in directory.statistics })
            }
        }
    }

    /// SEMS's cleaner thread (spec §9.3): once a second, rooms past their `roomCreate` timeout are
    /// closed and their calls hung up.
    private static func closeTimedOutRooms(registry: VoiceRoomRegistry, bridge: ConferenceBridge) async {
        guard registry.policy.supportRoomsTimeout else { return }
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            try? await Task.sleep(for: .seconds(1))
            let closed = await registry.update { directory, now in directory.closeTimedOutRooms(at: now) }
            for room in closed {
                for tag in room.callTags { await bridge.hangUp(callTag: tag, room: room.name) }
            }
        }
    }

    /// Saves the call counters once a second when they changed, off the calls' path: SEMS rewrites
    /// its file on every second call, which at hundreds of calls a second is hundreds of
    /// synchronous writes. Shutdown saves them once more.
    private static func saveStatisticsWhenChanged(
        registry: VoiceRoomRegistry, save: @escaping @Sendable (CallStatistics) async -> Void
    ) async {
        var saved = await registry.update { directory, _ in directory.statistics }
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            try? await Task.sleep(for: .seconds(1))
            let current = await registry.update { directory, _ in directory.statistics }
            guard current != saved else { continue }
            await save(current)
            saved = current
        }
    }

    /// A line tests and operators wait for, written at once.
    static func announce(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
