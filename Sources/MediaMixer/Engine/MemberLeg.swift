/// One member's RTP leg on the media side: the oRTP session, the decoder, the resampler to the room
/// rate, and every buffer the leg needs, allocated once when the member joins.
///
/// Each tick the receive phase calls ``receive()`` (move what arrived from oRTP into the leg's
/// ``PlayoutBuffer``, take the packet due, decode it or conceal its loss, bring it to the room rate) and the send phase calls
/// ``send(_:)`` with the frame encoded for the mix this member hears. Only media threads touch a leg,
/// one at a time, ordered by the barriers between tick phases.
final class MemberLeg {
    /// The engine's name for the member.
    let id: MediaMemberID
    /// The mixer's name for the member.
    let mixerMember: MixerMemberID
    /// The negotiated stream.
    let settings: RTPStreamSettings
    /// The oRTP session.
    let session: RTPSession
    /// This tick's frame at the room rate; valid when ``hasFrame`` is set.
    let roomFrame: UnsafeMutableBufferPointer<Int16>
    /// Whether this tick produced a frame (a packet or a concealment of one).
    private(set) var hasFrame = false
    /// The encoding this member hears this tick, set by the mix phase.
    var encoding: OutboundEncoding?
    /// A new synchronisation source seen this tick, to be reported by the mix phase.
    var changedSource: UInt32?
    /// A digit completed this tick, to be reported by the mix phase.
    var completedDigit: Character?
    /// Set when the peer's silence reached the stream's media timeout, to be reported by the mix phase.
    var mediaTimedOut = false
    /// Set by the engine's readiness poll when the RTP socket has data this tick.
    var socketReady = false
    /// Whether the engine polls this leg's socket; if not, the leg reads oRTP every tick.
    var pollsReadiness = false

    private let decoder: any AudioDecoder
    private let resampler: SpeexResampler?
    private let codecFrame: UnsafeMutableBufferPointer<Int16>
    /// Decoded audio not mixed yet: the rest of a packet longer than 20 ms.
    private var decoded: DecodedAudioQueue
    private let payload: UnsafeMutableRawBufferPointer
    /// Received packets waiting for their turn.
    private var playout: PlayoutBuffer
    private var telephoneEvents: TelephoneEventReceiver
    private var ticks: Int64 = 0
    private let timestampIncrement: UInt32
    /// The leg's media clock in the codec's RTP units; oRTP reads the sockets once per new value.
    private var receiveClock: UInt32 = 0
    private var sendTimestamp: UInt32
    private var lastSource: UInt32 = 0
    private var ticksSinceLastPacket = Int.max
    private var sentFirstPacket = false
    /// Ticks since the last RTP packet of the peer (any payload type), for the media timeout.
    private var ticksWithoutMedia = 0
    /// The media timeout in ticks, or `nil` for none.
    private let mediaTimeoutTicks: Int?
    private let keyTones: KeyToneListener?

    /// Ticks of concealment after the last packet; after that the member is simply silent (a phone
    /// that stopped sending, e.g. on hold or with silence suppression).
    private static let concealmentTicks = 5

    /// Sets up the leg; called on a media thread when the join command is applied.
    init(id: MediaMemberID, mixerMember: MixerMemberID, settings: RTPStreamSettings, session: RTPSession, roomRate: Int) throws {
        self.id = id
        self.mixerMember = mixerMember
        self.settings = settings
        self.session = session
        decoder = try AudioCodecFactory.makeDecoder(settings.codec)
        let codecRate = settings.codec.sampleRate
        resampler = codecRate == roomRate ? nil : try SpeexResampler(inputRate: codecRate, outputRate: roomRate, quality: 3)
        roomFrame = .allocate(capacity: roomRate / 50)
        roomFrame.initialize(repeating: 0)
        codecFrame = .allocate(capacity: settings.codec.samplesPerFrame(ptime: 20))
        codecFrame.initialize(repeating: 0)
        decoded = DecodedAudioQueue(sampleRate: codecRate)
        payload = .allocate(byteCount: 1500, alignment: 8)
        playout = Self.makePlayoutBuffer(for: settings)
        timestampIncrement = settings.codec.timestampIncrement(ptime: 20)
        sendTimestamp = UInt32.random(in: 0...UInt32.max)
        telephoneEvents = TelephoneEventReceiver(clockRate: settings.codec.rtpClockRate)
        mediaTimeoutTicks = settings.mediaTimeout.map(Self.ticks)
        keyTones = settings.detectsInBandDTMF ? try KeyToneListener(sampleRate: codecRate) : nil
    }

    deinit {
        roomFrame.deallocate()
        codecFrame.deallocate()
        payload.deallocate()
    }

    /// Takes over the stream position of the leg this member had in another room: oRTP's receive
    /// side is pulled by timestamp, so the new leg must ask for the timestamps the old one had
    /// reached, and the peer must keep seeing one continuous stream from us.
    func continueStream(of previous: MemberLeg) {
        ticks = previous.ticks
        receiveClock = previous.receiveClock
        sendTimestamp = previous.sendTimestamp
        lastSource = previous.lastSource
        ticksSinceLastPacket = previous.ticksSinceLastPacket
        ticksWithoutMedia = previous.ticksWithoutMedia
        if previous.settings.codec == settings.codec {
            decoded = previous.decoded
            playout = previous.playout
        }
        sentFirstPacket = previous.sentFirstPacket
        pollsReadiness = previous.pollsReadiness
    }

    /// Mixes the next 20 ms of the peer's audio: what is left of a longer packet, else the packet
    /// due now from the playout buffer, decoded or concealed; resampled to the room rate.
    func receive() {
        hasFrame = false
        ticks += 1
        let now = Duration.milliseconds(20 * ticks)
        receiveClock &+= timestampIncrement
        let ready = socketReady
        socketReady = false
        ticksWithoutMedia += 1
        if ticksWithoutMedia == mediaTimeoutTicks { mediaTimedOut = true }
        if pollsReadiness, !ready, ticksSinceLastPacket >= Self.concealmentTicks, playout.isEmpty, decoded.count == 0 {
            // Nothing arrived, nothing waits, nothing to conceal: a silent member costs no system call.
            return
        }
        if !pollsReadiness || ready { takeArrivals(socketReady: pollsReadiness ? ready : nil, now: now) }
        if !decoded.hasFrame { pull() }
        if telephoneEvents.expiryDeadline != nil {
            // An event whose end packets were all lost is closed, so the next one with its timestamp counts.
            _ = telephoneEvents.expire(now: now)
        }
        let target = resampler == nil ? roomFrame : codecFrame
        guard decoded.takeFrame(into: target) else { return }
        if let resampler {
            _ = try? resampler.process(UnsafeBufferPointer(codecFrame), into: roomFrame)
        }
        hasFrame = true
    }

    /// Moves every audio packet oRTP received into the playout buffer, reads telephone events at
    /// once (they need no playout: each carries its own timing, RFC 4733 §2.5), and notices a new source.
    private func takeArrivals(socketReady: Bool?, now: Duration) {
        session.receiveArrived(clock: receiveClock, socketReady: socketReady) { packet in
            ticksWithoutMedia = 0
            if packet.payloadType == settings.telephoneEventPayloadType {
                ticksSinceLastPacket = 0
                // Telephone events are rare: the receiver's action array is the one allocation here.
                for action in telephoneEvents.receive(timestamp: packet.timestamp, marker: packet.marker, payload: packet.payload, now: now) {
                    if case .began(let digit) = action { completedDigit = digit.character }
                }
                return
            }
            playout.write(
                sequence: packet.sequence, timestamp: packet.timestamp, payloadType: packet.payloadType,
                marker: packet.marker, source: packet.source, payload: packet.payload)
        }
        let source = session.remoteSSRC
        guard source != lastSource else { return }
        if lastSource != 0 {
            // A new source brings its own sequence and timestamp bases (RFC 3550 §5.1): oRTP must
            // stop taking its packets for old ones, and key events are tracked afresh. The playout
            // buffer starts afresh on its own at the new source's first packet.
            session.resynchronize()
            telephoneEvents = TelephoneEventReceiver(clockRate: settings.codec.rtpClockRate)
            changedSource = source
        }
        lastSource = source
    }

    /// Takes the packet due from the playout buffer into the decoded queue: decoded whole (however
    /// long), or a concealment frame for a loss.
    private func pull() {
        let packet = playout.take(into: payload)
        if let packet, packet.payloadType == settings.payloadType {
            ticksSinceLastPacket = 0
            let bytes = UnsafeBufferPointer(start: payload.baseAddress?.assumingMemoryBound(to: UInt8.self), count: packet.bytes)
            let space = decoded.freeSpace
            if let samples = try? decoder.decode(bytes, into: space) {
                keyTones?.analyse(UnsafeBufferPointer(rebasing: space[0..<samples])) { event in
                    completedDigit = event.digit.character
                }
                decoded.commit(samples)
            } else {
                decoded.commit(decoder.concealLoss(into: decoded.nextFrameSpace))
            }
        } else if ticksSinceLastPacket < Self.concealmentTicks {
            ticksSinceLastPacket += 1
            decoded.commit(decoder.concealLoss(into: decoded.nextFrameSpace))
        }
    }

    /// 20 ms ticks in `duration`, at least one.
    private static func ticks(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 50 + Int(attoseconds / 20_000_000_000_000_000))
    }

    /// A playout buffer for the stream: it starts after the stream's jitter compensation and,
    /// with adaptive playout, lets the delay fall to one packet of cushion.
    private static func makePlayoutBuffer(for settings: RTPStreamSettings) -> PlayoutBuffer {
        let startDepth = ticks(settings.jitterCompensation)
        return PlayoutBuffer(
            payloadCapacity: settings.codec == .opus ? 1500 : 1024, startDepth: startDepth,
            trimAbove: settings.adaptiveJitterBuffer ? 1 : startDepth)
    }

    /// Sends this tick's encoded frame of the mix the member hears.
    func send() {
        guard let encoding, encoding.payloadLength > 0 else { return }
        guard settings.sendsMedia else {
            // The peer receives nothing now (it put the call on hold); its timeline keeps running,
            // and the first packet after the hold starts a talkspurt again (marker, RFC 3551 §4.1).
            sendTimestamp &+= timestampIncrement
            sentFirstPacket = false
            return
        }
        let bytes = UnsafeRawBufferPointer(start: encoding.payload.baseAddress, count: encoding.payloadLength)
        // The first packet of the stream carries the marker bit (RFC 3551 §4.1).
        try? session.send(payload: bytes, timestamp: sendTimestamp, marker: !sentFirstPacket)
        sentFirstPacket = true
        sendTimestamp &+= timestampIncrement
    }
}
