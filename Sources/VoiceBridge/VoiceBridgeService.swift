import ConferenceModel
import Foundation
import Logging
import MediaMixer
import NIOCore
import NIOPosix
import SIPCore
import ServiceLifecycle

/// The voice conference bridge as a service to run in a `ServiceGroup`: it answers calls, runs
/// the PIN dialogue, mixes rooms, places dial-outs, and keeps the room directory told (SEMS
/// `WebConferenceDialog` and `WebConferenceFactory`'s call side, spec §6–§10).
///
/// It is also the rooms' ``ConferenceCallControl``: hand it to a control front door (XML-RPC,
/// REST) built on the same ``VoiceRoomRegistry``.
///
/// ```swift
/// let registry = VoiceRoomRegistry(policy: VoiceRoomPolicy())
/// let bridge = try VoiceBridgeService(configuration: configuration, registry: registry, logger: logger)
/// let group = ServiceGroup(services: [bridge], gracefulShutdownSignals: [.sigterm], logger: logger)
/// try await group.run()
/// ```
///
/// Graceful shutdown hangs up every call, closes the SIP sockets and stops the media threads.
/// Rooms past their `roomCreate` timeout are closed once a second and their calls hung up
/// (SEMS's cleaner thread, spec §9.3), on the service's event loop, whose clock tests can drive.
public final class VoiceBridgeService: Service, ConferenceCallControl, CustomStringConvertible {
    private let coordinator: CallCoordinator
    private let manager: InviteSessionManager
    private let engine: MediaEngine
    private let registry: VoiceRoomRegistry
    private let eventLoop: any EventLoop
    private let onListening: @Sendable ([SIPTransportAddress]) -> Void

    public var description: String { "voice bridge" }

    /// Creates the bridge; nothing listens until ``run()``.
    /// - Parameters:
    ///   - configuration: listeners, media and call rules.
    ///   - registry: the room directory the calls join and the control API changes.
    ///   - eventLoop: the SIP endpoint's loop, which also runs the calls' timers.
    ///   - clock: the time the calls' rows and statistics see.
    ///   - logger: where calls are logged.
    ///   - onListening: told the SIP listeners' addresses once they are bound (port 0 resolved).
    public init(
        configuration: VoiceBridgeConfiguration,
        registry: VoiceRoomRegistry,
        eventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next(),
        clock: @escaping @Sendable () -> Date = { Date() },
        logger: Logger,
        onListening: @escaping @Sendable ([SIPTransportAddress]) -> Void = { _ in }
    ) {
        self.registry = registry
        self.eventLoop = eventLoop
        self.onListening = onListening
        engine = MediaEngine(mediaThreads: max(1, configuration.mediaThreads), realtimePriority: configuration.realtimePriority)
        manager = InviteSessionManager(
            configuration: .init(
                endpoint: SIPEndpoint.Configuration(
                    listenAddresses: configuration.listenAddresses, productName: configuration.productName,
                    advertisedHost: configuration.advertisedHost),
                contactUser: "conference", sessionTimers: configuration.sessionTimers,
                maximumUnansweredCalls: configuration.maximumUnansweredCalls, eventDelivery: .combined),
            eventLoop: eventLoop, logger: logger)
        let prompts = PromptLibrary(
            directory: configuration.promptsDirectory, configuration: configuration.promptFiles,
            sampleRate: configuration.roomRate, logger: logger)
        coordinator = CallCoordinator(
            manager: manager, engine: engine, registry: registry, prompts: prompts, configuration: configuration,
            timerLoop: eventLoop, clock: clock, logger: logger)
    }

    /// Listens, serves calls until graceful shutdown (or cancellation), then hangs up and stops.
    public func run() async throws {
        let addresses: [SIPTransportAddress]
        do {
            addresses = try await manager.start()
        } catch {
            engine.shutdown()
            throw error
        }
        onListening(addresses)
        let coordinator = self.coordinator
        let manager = self.manager
        let engine = self.engine
        await withDiscardingTaskGroup { group in
            group.addTask { await coordinator.run() }
            group.addTask { await self.closeTimedOutRooms() }
            group.addTask {
                try? await gracefulShutdown()
                await coordinator.hangUpAll()
                await manager.shutdown()
                engine.shutdown()
            }
        }
    }

    /// SEMS's cleaner thread (spec §9.3): once a second, rooms past their `roomCreate` timeout
    /// are closed and their calls hung up.
    private func closeTimedOutRooms() async {
        guard registry.policy.supportRoomsTimeout else { return }
        let (ticks, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        let repeated = eventLoop.scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(1)) { _ in
            continuation.yield()
        }
        for await _ in ticks.cancelOnGracefulShutdown() {
            let closed = await registry.update { directory, now in directory.closeTimedOutRooms(at: now) }
            for room in closed {
                for tag in room.callTags { await coordinator.hangUp(callTag: tag) }
            }
        }
        repeated.cancel()
    }

    // MARK: - ConferenceCallControl

    public func placeCall(_ request: DialOutRequest) async throws {
        try await coordinator.placeCall(request)
    }

    public func hangUp(callTag: String, room: String) async {
        await coordinator.hangUp(callTag: callTag)
    }

    public func setMuted(_ muted: Bool, callTag: String, room: String) async {
        await coordinator.setMuted(muted, callTag: callTag)
    }

    public func activeCallCount() async -> Int {
        await coordinator.activeCallCount()
    }
}
