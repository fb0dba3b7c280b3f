import Synchronization

/// Parley's audio engine: rooms of RTP members, mixed mix-minus every 20 ms on media threads.
///
/// ## Threads
/// A dedicated media clock thread ticks every 20 ms at absolute deadlines (oRTP's receive side is
/// pull-by-timestamp, so media is clocked, not driven by socket readiness) and runs each tick's
/// phases on the media threads (one per core by default): apply commands, receive and decode every
/// leg, mix every room, encode each distinct mix once per codec, send every leg. Media threads own
/// the RTP sessions, jitter buffers, codecs and mixers; nothing else touches them.
///
/// ## Control
/// Every method here is thread-safe and returns at once: it queues a command under a short lock
/// that the media side only ever try-locks and swaps, so the media path never waits for the control
/// path. Commands take effect at the next tick. What the media side notices comes out of
/// ``events``.
///
/// ## Cost
/// An engine without members has no timer running: the clock sleeps until a command arrives.
public final class MediaEngine: Sendable {
    /// What the engine noticed: digits, talkers, finished prompts, changed sources.
    public let events: AsyncStream<MediaEngineEvent>

    private struct ControlState {
        var nextID: UInt64 = 1
        var rooms: Set<MediaRoomID> = []
        var shutDown = false
    }

    private let core: MediaEngineCore
    private let threads: MediaThreadGroup
    private let clock: MediaClock
    private let control = Mutex(ControlState())
    private let eventContinuation: AsyncStream<MediaEngineEvent>.Continuation

    /// Starts the media clock thread and `mediaThreads` media threads (one per core suits a server).
    ///
    /// - Parameters:
    ///   - mediaThreads: How many media threads share each tick's work.
    ///   - realtimePriority: Whether the clock and media threads ask for the real-time FIFO policy,
    ///     so a busy machine cannot make them wait for a time slice at every phase hand-off (needs
    ///     CAP_SYS_NICE; without it they keep the default policy).
    public init(mediaThreads: Int = 2, realtimePriority: Bool = false) {
        let (events, continuation) = AsyncStream.makeStream(of: MediaEngineEvent.self, bufferingPolicy: .bufferingNewest(4096))
        self.events = events
        eventContinuation = continuation
        let core = MediaEngineCore { event in continuation.yield(event) }
        let threads = MediaThreadGroup(count: max(1, mediaThreads), name: "parley-media", realtime: realtimePriority) { phase, index in
            core.run(phase, thread: index)
        }
        self.core = core
        self.threads = threads
        clock = MediaClock(
            period: .milliseconds(20),
            name: "parley-media-clock",
            realtime: realtimePriority,
            hasWork: { core.hasWork },
            tick: { core.tick(on: threads) },
            finish: {
                threads.stop()
                core.removeAll()
            }
        )
    }

    deinit {
        shutdown()
    }

    /// What the media clock measured: ticks, late ticks, tick durations.
    public var statistics: MediaTickStatistics {
        clock.statistics
    }

    /// Starts the statistics afresh, e.g. after a burst of joins and before a measurement.
    public func resetStatistics() {
        clock.resetStatistics()
    }

    /// Creates an empty room; it costs nothing until a member joins.
    /// - Throws: ``MediaEngineError`` when the rate is not 8000, 16000 or 48000 Hz.
    public func createRoom(_ settings: MediaRoomSettings) throws(MediaEngineError) -> MediaRoomID {
        guard [8000, 16000, 48000].contains(settings.sampleRate) else {
            throw MediaEngineError(.unsupportedRoomRate, "room rate \(settings.sampleRate) Hz")
        }
        let id = try control.withLock { (state) throws(MediaEngineError) -> MediaRoomID in
            guard !state.shutDown else { throw MediaEngineError(.shutDown, "create room") }
            let id = MediaRoomID(rawValue: state.nextID)
            state.nextID += 1
            state.rooms.insert(id)
            return id
        }
        enqueue(.createRoom(id, settings))
        return id
    }

    /// Removes a room and every member in it.
    public func removeRoom(_ room: MediaRoomID) {
        _ = control.withLock { $0.rooms.remove(room) }
        enqueue(.removeRoom(room))
    }

    /// Binds a member's RTP session now (so its port can go into the SDP answer) and adds the member
    /// to the room at the next tick.
    ///
    /// - Returns: The member's name and the bound local RTP port.
    /// - Throws: ``MediaEngineError`` for an unknown room or when the session cannot be set up.
    public func addMember(
        to room: MediaRoomID,
        stream: RTPStreamSettings
    ) throws(MediaEngineError) -> (member: MediaMemberID, localPort: Int) {
        let id = try control.withLock { (state) throws(MediaEngineError) -> MediaMemberID in
            guard state.rooms.contains(room) else { throw MediaEngineError(.unknownRoom, "add member to \(room)") }
            let id = MediaMemberID(rawValue: state.nextID)
            state.nextID += 1
            return id
        }
        let session: RTPSession
        do {
            session = try RTPSession(
                localAddress: stream.localAddress,
                localPort: stream.localPort,
                payloadType: stream.payloadType,
                clockRate: stream.codec.rtpClockRate,
                encodingName: stream.codec.encodingName,
                symmetricRTP: stream.symmetricRTP,
                // The member's leg plays the packets out of its own PlayoutBuffer.
                holdsPackets: false
            )
            try session.setRemote(address: stream.remoteAddress, port: stream.remotePort)
        } catch {
            throw MediaEngineError(.rtpSetupFailed, "\(error)")
        }
        let port = session.localPort
        enqueue(.addMember(room, id, stream, OwnershipTransfer(value: session)))
        return (id, port)
    }

    /// Removes a member; their RTP session closes at the next tick.
    public func removeMember(_ member: MediaMemberID, from room: MediaRoomID) {
        enqueue(.removeMember(room, member))
    }

    /// Moves a member with their RTP session to another room at the next tick: the port, the
    /// latched peer address and the stream stay, so the phone notices nothing (a caller who typed
    /// a room number in a room of their own joins the conference this way). Their private prompt
    /// and mute state stay behind. `detectsInBandDTMF`, when given, replaces the stream's setting
    /// (a caller who has typed their room number needs no key detection in the conference).
    /// - Throws: ``MediaEngineError`` when `destination` is unknown.
    public func moveMember(
        _ member: MediaMemberID, from room: MediaRoomID, to destination: MediaRoomID, detectsInBandDTMF: Bool? = nil
    ) throws(MediaEngineError) {
        try control.withLock { (state) throws(MediaEngineError) in
            guard state.rooms.contains(destination) else {
                throw MediaEngineError(.unknownRoom, "move \(member) to \(destination)")
            }
        }
        enqueue(.moveMember(room, member, destination, detectsInBandDTMF: detectsInBandDTMF))
    }

    /// Applies a re-negotiated stream to a member at the next tick (a re-INVITE or UPDATE that
    /// changes the codec, the peer's address, the direction or the timeout, RFC 3264 §8): the RTP
    /// session, its local port, the member's place in the mix, mute state and prompts stay; the
    /// leg's codec, payload types and remote address follow `stream`. Its local address and port
    /// are not changed.
    public func updateStream(of member: MediaMemberID, in room: MediaRoomID, to stream: RTPStreamSettings) {
        enqueue(.updateStream(room, member, stream))
    }

    /// Mutes or unmutes a member: their voice leaves everyone's mix; they still hear the room.
    public func setMuted(_ muted: Bool, member: MediaMemberID, in room: MediaRoomID) {
        enqueue(.setMuted(room, member, muted))
    }

    /// Deafens or undeafens a member: they hear silence (but still their own prompts).
    public func setDeaf(_ deaf: Bool, member: MediaMemberID, in room: MediaRoomID) {
        enqueue(.setDeaf(room, member, deaf))
    }

    /// Sets the linear gain (0...8) of a member's voice in the mix.
    public func setInputGain(_ gain: Float, member: MediaMemberID, in room: MediaRoomID) {
        enqueue(.setInputGain(room, member, gain))
    }

    /// Sets the linear gain (0...8) of what a member hears.
    public func setOutputGain(_ gain: Float, member: MediaMemberID, in room: MediaRoomID) {
        enqueue(.setOutputGain(room, member, gain))
    }

    /// Plays a prompt to one member, or to the whole room when `member` is `nil`; a
    /// ``MediaEngineEvent/promptFinished(_:_:)`` follows when it ends.
    ///
    /// The source is handed over to the media thread, which reads it once per tick from then on.
    public func play(_ prompt: sending any AudioFrameSource, to member: MediaMemberID?, in room: MediaRoomID) {
        enqueue(.play(room, member.map { .member($0) } ?? .room, OwnershipTransfer(value: prompt)))
    }

    /// Plays a prompt to the whole room but `member`, who keeps hearing the room without it (the join
    /// beep, which the joiner does not hear); the recording hears it. One prompt for the room costs
    /// one read and one mix per tick, where a prompt per member gives each member a mix of their own.
    /// A ``MediaEngineEvent/promptFinished(_:_:)`` for the room (`nil`) follows when it ends.
    public func play(_ prompt: sending any AudioFrameSource, toRoomExcept member: MediaMemberID, in room: MediaRoomID) {
        enqueue(.play(room, .roomExcept(member), OwnershipTransfer(value: prompt)))
    }

    /// Records the room's mix into `sink` (handed over to the media thread), or stops recording with `nil`.
    public func record(_ room: MediaRoomID, into sink: sending (any AudioFrameSink)?) {
        enqueue(.record(room, sink.map { OwnershipTransfer(value: $0) }))
    }

    /// Stops the clock and media threads and closes every session; later calls are ignored.
    public func shutdown() {
        let first = control.withLock { state -> Bool in
            defer { state.shutDown = true }
            return !state.shutDown
        }
        guard first else { return }
        clock.stop()
        eventContinuation.finish()
    }

    private func enqueue(_ command: MediaCommand) {
        guard !control.withLock({ $0.shutDown }) else { return }
        core.inbox.withLock { $0.append(command) }
        clock.workArrived()
    }
}
