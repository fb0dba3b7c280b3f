import ConferenceModel
import Foundation
import Logging
import MediaMixer
import SIPCore

/// The voice bridge: answers calls, runs the PIN dialogue, mixes rooms, places dial-outs, and
/// keeps the room directory told (SEMS `WebConferenceDialog` and `WebConferenceFactory`'s call
/// side, spec §6–§10). The control API reaches it as its ``ConferenceCallControl``.
///
/// One actor owns every call's state; SIP events, media events, prompt ends and timers each
/// arrive as one method call, so the call machines see one input at a time.
actor ConferenceBridge: ConferenceCallControl {
    let manager: InviteSessionManager
    let engine: MediaEngine
    let registry: VoiceRoomRegistry
    let prompts: PromptLibrary
    let settings: BridgeSettings
    let ports: RTPPortPool
    let negotiator: SDPOfferAnswer
    let logger: Logger
    let promptEnds: AsyncStream<UInt64>
    let promptEndContinuation: AsyncStream<UInt64>.Continuation

    var calls: [Int: BridgeCall] = [:]
    var callsByTag: [String: Int] = [:]
    var callsByMember: [MediaMemberID: Int] = [:]
    var conferences: [String: ConferenceMix] = [:]
    /// Which call each batch of prompts belongs to, and whether its end matters to the PIN dialogue.
    var promptOwners: [UInt64: (call: Int, reportsEnd: Bool)] = [:]
    /// Events of a dial-out that arrived while its INVITE was being placed, before it was registered.
    var eventsBeforeRegistration: [Int: [InviteSessionEvent]] = [:]
    var nextToken: UInt64 = 0
    var nextTimerGeneration: UInt64 = 0

    init(
        manager: InviteSessionManager, engine: MediaEngine, registry: VoiceRoomRegistry, prompts: PromptLibrary,
        settings: BridgeSettings, logger: Logger
    ) {
        self.manager = manager
        self.engine = engine
        self.registry = registry
        self.prompts = prompts
        self.settings = settings
        self.logger = logger
        ports = RTPPortPool(range: settings.rtpPorts)
        negotiator = SDPOfferAnswer(capabilities: AudioCapabilities(codecs: settings.codecs))
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

    /// Hangs up every call and waits (up to `timeout`) until they are gone: graceful shutdown.
    func hangUpAll(timeout: Duration = .seconds(3)) async {
        for id in calls.keys { sendAway(id) }
        let deadline = ContinuousClock.now + timeout
        while !calls.isEmpty, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(50))
        }
        promptEndContinuation.finish()
    }

    func placeCall(_ request: DialOutRequest) async throws {
        guard let port = ports.take() else { throw BridgeError(description: "no free RTP port in \(settings.rtpPorts)") }
        do {
            let sessionID = UInt64.random(in: 1...UInt64(Int64.max))
            let offer = negotiator.makeOffer(
                local: MediaAddress(host: settings.mediaHost, port: UInt16(port)), sessionID: sessionID, sessionVersion: 1)
            let to = try SIPNameAddress(parsing: "<\(request.calleeURI)>")
            let from = try SIPNameAddress(parsing: "<\(request.fromURI)>")
            let credentials = request.authUser.isEmpty ? nil : DigestClient(username: request.authUser, password: request.authPassword)
            let headers = request.extraHeaders.compactMap(Self.headerField)
            let handle = try await manager.invite(to: to, from: from, sdp: offer, credentials: credentials, headers: headers)
            var call = BridgeCall(
                handle: handle, direction: .dialOut, callTag: request.callTag, number: request.calleeURI, room: request.room,
                dialIn: settings.dialIn, prompter: settings.prompter)
            call.offer = offer
            call.sdpSessionID = sessionID
            call.localPort = port
            register(call)
            await handleEventsBeforeRegistration(of: handle.id)
        } catch {
            ports.release(port)
            throw error
        }
    }

    func hangUp(callTag: String, room: String) async {
        guard let id = callsByTag[callTag] else { return }
        sendAway(id)
    }

    func setMuted(_ muted: Bool, callTag: String, room: String) async {
        guard let id = callsByTag[callTag] else { return }
        calls[id]?.muted = muted
        if let call = calls[id], call.inMix, let member = call.member, let engineRoom = call.engineRoom {
            engine.setMuted(muted, member: member, in: engineRoom)
        }
    }

    func activeCallCount() async -> Int {
        calls.count
    }
}
