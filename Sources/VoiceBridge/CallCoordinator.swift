import ConferenceModel
import Foundation
import Logging
import MediaMixer
import NIOCore
import SIPCore

/// The driver of every call's ``ConferenceCall``: it turns SIP-session events, media events,
/// prompt ends, timer firings and the control API's requests into the machine's inputs and
/// carries out its actions with the session, the media engine and the room directory.
///
/// Each call's inputs pass through its own ``CallInbox``: the machine sees them strictly one at a
/// time and in order, even when carrying out one waits for the room directory and others arrive
/// meanwhile (SIP events, keys, a kick from the control API). Calls do not wait for each other
/// except where one's change is another's input (someone joined the room).
actor CallCoordinator {
    let manager: InviteSessionManager
    let engine: MediaEngine
    let registry: VoiceRoomRegistry
    let prompts: PromptLibrary
    let configuration: VoiceBridgeConfiguration
    let ports: RTPPortPool
    let negotiator: SDPOfferAnswer
    let streams: MediaStreamMapping
    /// Where the calls' timers run; a test's loop can advance them.
    let timerLoop: any EventLoop
    let clock: @Sendable () -> Date
    let logger: Logger
    let promptEnds: AsyncStream<UInt64>
    let promptEndContinuation: AsyncStream<UInt64>.Continuation

    var calls: [Int: ActiveCall] = [:]
    var callsByTag: [String: Int] = [:]
    var callsByMember: [MediaMemberID: Int] = [:]
    var conferences: [String: ConferenceMix] = [:]
    /// Which call each batch of prompts belongs to, and whether its end matters to the PIN dialogue.
    var promptOwners: [UInt64: (call: Int, reportsEnd: Bool)] = [:]
    /// Events of a dial-out that arrived while its INVITE was being placed, before it was registered.
    var eventsBeforeRegistration: [Int: [InviteSessionEvent]] = [:]
    var nextToken: UInt64 = 0
    var nextTimerGeneration: UInt64 = 0
    /// Those waiting in ``hangUpAll(timeout:)`` for the last call to go.
    var idleWaiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    var nextWaiter: UInt64 = 0

    init(
        manager: InviteSessionManager, engine: MediaEngine, registry: VoiceRoomRegistry, prompts: PromptLibrary,
        configuration: VoiceBridgeConfiguration, timerLoop: any EventLoop, clock: @escaping @Sendable () -> Date,
        logger: Logger
    ) {
        self.manager = manager
        self.engine = engine
        self.registry = registry
        self.prompts = prompts
        self.configuration = configuration
        self.timerLoop = timerLoop
        self.clock = clock
        self.logger = logger
        ports = RTPPortPool(range: configuration.rtpPorts)
        negotiator = SDPOfferAnswer(capabilities: AudioCapabilities(codecs: configuration.codecs))
        streams = MediaStreamMapping(
            localAddress: configuration.rtpAddress, adaptivePlayout: configuration.adaptivePlayout,
            mediaTimeout: configuration.rtpTimeout)
        (promptEnds, promptEndContinuation) = AsyncStream.makeStream(of: UInt64.self)
    }

    /// Serves until the incoming calls and the media events end (the manager and engine shut down).
    nonisolated func run() async {
        await withDiscardingTaskGroup { group in
            group.addTask { await self.serveCalls() }
            group.addTask {
                for await event in self.engine.events { await self.handle(event) }
            }
            group.addTask {
                for await token in self.promptEnds { await self.promptFinished(token) }
            }
        }
    }

    /// Hangs up every call and waits, up to `timeout`, until they are gone: graceful shutdown.
    func hangUpAll(timeout: Duration = .seconds(3)) async {
        for id in Array(calls.keys) { await deliver(.kick, to: id) }
        if !calls.isEmpty {
            nextWaiter += 1
            let waiter = nextWaiter
            let deadline = timerLoop.scheduleTask(in: TimeAmount(timeout)) {
                _ = Task { await self.releaseWaiter(waiter) }
            }
            await withCheckedContinuation { idleWaiters[waiter] = $0 }
            deadline.cancel()
        }
        promptEndContinuation.finish()
    }

    private func releaseWaiter(_ waiter: UInt64) {
        idleWaiters.removeValue(forKey: waiter)?.resume()
    }

    /// Feeds one input to a call's machine: at once when the call is idle, else after the
    /// inputs already waiting; the call's record goes when its machine has finished.
    func deliver(_ input: ConferenceCallInput, to id: Int, announcement: UInt64? = nil) async {
        guard calls[id]?.inbox.put(ActiveCall.QueuedInput(input: input, announcement: announcement)) == true else { return }
        while let next = calls[id]?.inbox.next() {
            guard let actions = calls[id]?.machine.receive(next.input, at: clock()) else { continue }
            await perform(actions, call: id, announcement: next.announcement)
        }
        if calls[id]?.machine.isFinished == true { remove(id) }
    }

    /// Puts the answer to one of the machine's requests in its inbox, behind what came meanwhile;
    /// the call's drainer, who asked, takes it.
    func answer(_ input: ConferenceCallInput, to id: Int) {
        _ = calls[id]?.inbox.put(ActiveCall.QueuedInput(input: input))
    }

    func register(_ call: ActiveCall) {
        let id = call.handle.id
        calls[id] = call
        callsByTag[call.machine.callTag] = id
    }

    private func remove(_ id: Int) {
        guard let call = calls.removeValue(forKey: id) else { return }
        if callsByTag[call.machine.callTag] == id { callsByTag[call.machine.callTag] = nil }
        if calls.isEmpty {
            for waiter in idleWaiters.values { waiter.resume() }
            idleWaiters.removeAll()
        }
    }

    func activeCallCount() -> Int {
        calls.count
    }
}
