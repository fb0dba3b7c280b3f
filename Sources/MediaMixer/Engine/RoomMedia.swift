/// One room on the media side: its mixer, its members' legs, and the encodings of its distinct mixes.
///
/// Commands change it in the command phase; the mix phase runs ``mix(emit:)`` on one media thread;
/// the encode and send phases read it from several threads but write only per-encoding and per-leg
/// state, each owned by one job.
final class RoomMedia {
    /// The engine's name for the room.
    let id: MediaRoomID
    /// How the room mixes.
    let settings: MediaRoomSettings
    /// The room's mix-minus mixer at ``MediaRoomSettings/sampleRate``.
    let mixer: MixMinusMixer
    /// The members' legs, in joining order.
    private(set) var legs: [MemberLeg] = []
    /// This tick's encodings, one per distinct (mix, codec) pair heard.
    private(set) var activeEncodings: [OutboundEncoding] = []

    private var legsByMixerMember: [MixerMemberID: MemberLeg] = [:]
    private var encodings: [OutboundEncoding.Key: OutboundEncoding] = [:]
    private var promptTargets: [ObjectIdentifier: MediaMemberID?] = [:]
    private var tickCount: UInt64 = 0

    /// Creates the room's mixer; on a media thread, when the create command is applied.
    init(id: MediaRoomID, settings: MediaRoomSettings) throws {
        self.id = id
        self.settings = settings
        mixer = try MixMinusMixer(configuration: MixMinusMixerConfiguration(sampleRate: settings.sampleRate, memberCapacity: settings.expectedMembers))
        activeEncodings.reserveCapacity(settings.expectedMembers)
    }

    /// Adds a member to the mixer and builds their leg around `session`.
    func addMember(_ id: MediaMemberID, stream: RTPStreamSettings, session: RTPSession) throws {
        let mixerMember = mixer.addMember()
        let leg = try MemberLeg(id: id, mixerMember: mixerMember, settings: stream, session: session, roomRate: settings.sampleRate)
        legs.append(leg)
        legsByMixerMember[mixerMember] = leg
        activeEncodings.reserveCapacity(legs.count + 4)
    }

    /// Removes a member, their leg and the encodings only they heard; returns the leg, whose
    /// session another room may take over.
    @discardableResult
    func removeMember(_ id: MediaMemberID) -> MemberLeg? {
        guard let index = legs.firstIndex(where: { $0.id == id }) else { return nil }
        let leg = legs.remove(at: index)
        legsByMixerMember[leg.mixerMember] = nil
        try? mixer.removeMember(leg.mixerMember)
        encodings = encodings.filter { key, _ in key.output != .own(leg.mixerMember) && key.listener != id.rawValue }
        return leg
    }

    /// Rebuilds member `id`'s leg for a re-negotiated stream around the same RTP session and mixer
    /// member, so the peer sees one continuous stream and the mix keeps their mute state and prompts.
    /// - Throws: When the session cannot take the new payload type or address, or the codec cannot be made.
    func replaceStream(of id: MediaMemberID, with stream: RTPStreamSettings) throws {
        guard let index = legs.firstIndex(where: { $0.id == id }) else { return }
        let old = legs[index]
        let session = old.session
        let codecChanged = stream.payloadType != session.payloadType || stream.codec.rtpClockRate != session.clockRate
        let peerMoved = stream.remoteAddress != old.settings.remoteAddress || stream.remotePort != old.settings.remotePort
        if codecChanged {
            try session.changePayload(type: stream.payloadType, clockRate: stream.codec.rtpClockRate, encodingName: stream.codec.encodingName)
        }
        if peerMoved {
            try session.setRemote(address: stream.remoteAddress, port: stream.remotePort)
        }
        if codecChanged || peerMoved {
            // Another device or encoder may start its own timeline under the same SSRC: map it afresh.
            session.resynchronize()
        }
        let leg = try MemberLeg(id: id, mixerMember: old.mixerMember, settings: stream, session: session, roomRate: settings.sampleRate)
        leg.continueStream(of: old)
        legs[index] = leg
        legsByMixerMember[leg.mixerMember] = leg
    }

    /// The leg of member `id`.
    func leg(_ id: MediaMemberID) -> MemberLeg? {
        legs.first { $0.id == id }
    }

    /// Plays `source` to `audience`. A prompt for the room that leaves out a member no longer here
    /// plays to the whole room; one for such a member is dropped.
    func play(_ source: any AudioFrameSource, to audience: PromptAudience) throws {
        let target: MixerSourceTarget
        let reported: MediaMemberID?
        switch audience {
        case .room:
            (target, reported) = (.room, nil)
        case .roomExcept(let member):
            (target, reported) = (leg(member).map { .roomExcept($0.mixerMember) } ?? .room, nil)
        case .member(let member):
            guard let leg = leg(member) else { return }
            (target, reported) = (.member(leg.mixerMember), member)
        }
        try mixer.attachSource(source, to: target)
        promptTargets.updateValue(reported, forKey: ObjectIdentifier(source))
    }

    /// Mixes this tick: hands the legs' frames to the mixer, ticks it, reports what happened, and
    /// works out which encoding each member is sent.
    func mix(emit: (MediaEngineEvent) -> Void) {
        tickCount &+= 1
        for leg in legs {
            if leg.hasFrame { mixer.writeInputFrame(UnsafeBufferPointer(leg.roomFrame), for: leg.mixerMember) }
            if let digit = leg.completedDigit {
                leg.completedDigit = nil
                emit(.digit(id, leg.id, digit))
            }
            if leg.mediaTimedOut {
                leg.mediaTimedOut = false
                emit(.mediaTimedOut(id, leg.id))
            }
            if let source = leg.changedSource {
                leg.changedSource = nil
                emit(.sourceChanged(id, leg.id, ssrc: source))
            }
        }
        mixer.tick()
        mixer.drainEvents { event in report(event, emit: emit) }
        activeEncodings.removeAll(keepingCapacity: true)
        for leg in legs {
            let key = OutboundEncoding.Key(
                output: mixer.outputKey(for: leg.mixerMember),
                codec: leg.settings.codec,
                listener: settings.sharedEncoding ? 0 : leg.id.rawValue
            )
            let encoding: OutboundEncoding
            if let existing = encodings[key] {
                encoding = existing
            } else if let created = try? OutboundEncoding(key: key, roomRate: settings.sampleRate, settings: leg.settings.codecSettings) {
                // A mix heard for the first time (a new talker, a private prompt): made once, then reused.
                encodings[key] = created
                encoding = created
            } else {
                leg.encoding = nil
                continue
            }
            if encoding.lastUsedTick != tickCount {
                encoding.lastUsedTick = tickCount
                activeEncodings.append(encoding)
            }
            leg.encoding = encoding
        }
    }

    /// Encodes one of this tick's encodings from the mixer's output.
    func encode(_ encoding: OutboundEncoding) {
        encoding.encode(mixer.output(for: encoding.key.output))
    }

    private func report(_ event: MixerEvent, emit: (MediaEngineEvent) -> Void) {
        switch event {
        case .startedTalking(let member):
            if let leg = legsByMixerMember[member] { emit(.startedTalking(id, leg.id)) }
        case .stoppedTalking(let member):
            if let leg = legsByMixerMember[member] { emit(.stoppedTalking(id, leg.id)) }
        case .floorChanged(let from, let to):
            emit(.floorChanged(id, from: from.flatMap { legsByMixerMember[$0]?.id }, to: to.flatMap { legsByMixerMember[$0]?.id }))
        case .sourceFinished(let source, _):
            if let member = promptTargets.removeValue(forKey: source) { emit(.promptFinished(id, member)) }
        }
    }
}
