// The only file that imports CORTP (house rule: one C library, one wrapper file).
import CORTP
import Glibc

/// oRTP's one-time global initialisation, run the first time any session is created.
///
/// The one sanctioned piece of process-wide state in MediaMixer: `ortp_init` must run once before
/// any session exists. Logging is turned down here too, because oRTP logs under one process-wide
/// domain and would otherwise print a warning per packet for dynamic payload types.
private let ortpInitialization: Void = {
    ortp_init()
    parley_ortp_log_errors_only()
}()

/// A local failure of an ``RTPSession``.
public struct RTPSessionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: Hashable, Sendable {
        /// An argument was out of range: a port, payload type (0–127), clock rate or jitter compensation.
        case invalidArgument
        /// oRTP could not allocate the session, its profile or a packet.
        case allocationFailed
        /// The local address could not be parsed or the port could not be bound.
        case bindFailed
        /// The remote address could not be parsed.
        case invalidRemoteAddress
        /// The packet could not be sent (no remote address, or the socket refused it).
        case sendFailed
        /// The caller's buffer is smaller than the received payload; that packet is dropped.
        case bufferTooSmall
    }

    /// The kind of failure.
    public let code: Code
    /// What was being attempted, for logs.
    public let detail: String

    init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    /// The failure and what was being attempted.
    public var description: String {
        "RTP session error \(code): \(detail)"
    }
}

/// One RTP stream (RFC 3550) to and from one remote peer, over oRTP.
///
/// The session runs with oRTP's scheduler and blocking mode off, so every call does its work on the
/// caller's thread and returns at once: a media thread owns the session and drives it from its tick.
/// It is not thread-safe and must stay on that thread.
///
/// Receiving works one of two ways, chosen when the session is made:
/// - Pull-by-timestamp (`holdsPackets`, the default): each tick the owner asks for the packet due at
///   its own media clock position (``receive(timestamp:into:socketReady:)``). oRTP keeps the receive
///   queue in sequence order, maps the sender's timestamps onto the caller's timeline at the first
///   packet, holds packets back by the jitter compensation, and hands out at most one packet per
///   call, discarding packets that became too old.
/// - As they arrive (``receiveArrived(clock:socketReady:_:)``): oRTP parses, counts and checks each
///   packet and hands it over at once to an owner with its own playout buffer (the media engine's
///   legs keep a playout buffer of their own).
public final class RTPSession {
    /// The payload type (0–127) this session sends, and expects to receive.
    public private(set) var payloadType: Int
    /// The RTP clock rate of the payload type, in Hz (e.g. 8000 for PCMU, 48000 for Opus per RFC 7587).
    public private(set) var clockRate: Int
    /// The bound local RTP port (the one the system picked when 0 was asked for).
    public let localPort: Int
    /// The bound local RTCP port.
    public let localRTCPPort: Int

    fileprivate let session: UnsafeMutablePointer<RtpSession>
    private let profile: UnsafeMutablePointer<RtpProfile>
    /// The read gates in front of the RTP and RTCP sockets, owned by oRTP's transports once installed.
    private let dataGate: UnsafeMutablePointer<SocketReadGate>
    private let controlGate: UnsafeMutablePointer<SocketReadGate>
    private var readBudget = RTPReadBudget()
    private var tooOldInARow = 0

    /// Creates a send-and-receive session bound to a local address.
    ///
    /// - Parameters:
    ///   - localAddress: A numeric IPv4 or IPv6 address to bind, e.g. `"127.0.0.1"` or `"0.0.0.0"`.
    ///   - localPort: The RTP port to bind, or 0 to let the system pick one (RTCP then gets its own
    ///     picked port; for a fixed port RTCP takes the next one, RFC 3550 §11).
    ///   - payloadType: The RTP payload type number, static (RFC 3551) or dynamic as negotiated in SDP.
    ///   - clockRate: The payload's RTP clock rate in Hz.
    ///   - encodingName: The payload's encoding name as in SDP `a=rtpmap` (e.g. `"PCMU"`, `"opus"`).
    ///   - channels: The payload's channel count.
    ///   - jitterCompensation: How long received packets are held back to absorb network jitter; with
    ///     `adaptiveJitter` the starting delay, which oRTP then moves with the measured jitter.
    ///   - adaptiveJitter: Whether oRTP's adaptive jitter buffer follows the measured jitter.
    ///   - symmetricRTP: Whether to send to wherever the peer's packets come from (symmetric RTP,
    ///     RFC 4961), so phones behind NAT get media although their SDP names an unreachable address.
    ///   - ssrcChangeThreshold: Consecutive packets of a new SSRC after which oRTP accepts it as the
    ///     stream's source (RFC 3550 §8.2); packets of other sources are dropped until then.
    ///   - holdsPackets: Whether oRTP's jitter buffer holds packets back until their timestamp is
    ///     due (``receive(timestamp:into:socketReady:)``). Off, oRTP hands every packet over as it
    ///     arrives (``receiveArrived(clock:socketReady:_:)``) to a caller with its own playout
    ///     buffer, and the jitter settings have no effect.
    ///   - maximumQueuedPackets: The most packets the jitter queue holds before oRTP drops the
    ///     oldest (oRTP's default is 100). Each queued packet costs every later receive: the
    ///     session's message block allocator (`msgb_allocator_alloc`) walks all the blocks it ever
    ///     handed out until it finds a free one, and a queued packet's block is busy.
    /// - Throws: ``RTPSessionError`` when an argument is out of range or the address cannot be bound.
    public init(
        localAddress: String,
        localPort: Int = 0,
        payloadType: Int,
        clockRate: Int,
        encodingName: String,
        channels: Int = 1,
        jitterCompensation: Duration = .milliseconds(60),
        adaptiveJitter: Bool = false,
        symmetricRTP: Bool = false,
        ssrcChangeThreshold: Int = 3,
        holdsPackets: Bool = true,
        maximumQueuedPackets: Int = 100
    ) throws(RTPSessionError) {
        _ = ortpInitialization
        let (seconds, attoseconds) = jitterCompensation.components
        let compensationMilliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        guard (0..<65535).contains(localPort), (0...127).contains(payloadType),
              let rate = Int32(exactly: clockRate), rate > 0,
              let channelCount = Int32(exactly: channels), channelCount > 0,
              (0...10_000).contains(compensationMilliseconds),
              let ssrcThreshold = Int32(exactly: ssrcChangeThreshold), ssrcThreshold > 0,
              let queueLimit = Int32(exactly: maximumQueuedPackets), queueLimit > 0
        else { throw RTPSessionError(.invalidArgument, "RTP session settings out of range") }

        guard let session = rtp_session_new(Int32(RTP_SESSION_SENDRECV.rawValue)) else {
            throw RTPSessionError(.allocationFailed, "rtp_session_new")
        }
        guard let profile = parley_ortp_profile_new(Int32(payloadType), rate, channelCount, encodingName) else {
            rtp_session_destroy(session)
            throw RTPSessionError(.allocationFailed, "RTP profile for payload type \(payloadType)")
        }
        rtp_session_set_profile(session, profile)
        rtp_session_set_scheduling_mode(session, 0)
        rtp_session_set_blocking_mode(session, 0)
        rtp_session_set_payload_type(session, Int32(payloadType))
        rtp_session_enable_jitter_buffer(session, holdsPackets ? 1 : 0)
        rtp_session_enable_adaptive_jitter_compensation(session, adaptiveJitter ? 1 : 0)
        rtp_session_set_jitter_compensation(session, Int32(compensationMilliseconds))
        var jitterParameters = JBParameters()
        rtp_session_get_jitter_buffer_params(session, &jitterParameters)
        jitterParameters.max_packets = queueLimit
        // The basic algorithm, named: with the parameters re-applied without it the session ran the
        // least-squares one, which after a resynchronisation (a re-INVITE's new codec or address)
        // stayed "unconverged" and dropped a second of audio.
        jitterParameters.buffer_algorithm = OrtpJitterBufferBasic
        rtp_session_set_jitter_buffer_params(session, &jitterParameters)
        rtp_session_set_symmetric_rtp(session, symmetricRTP ? 1 : 0)
        rtp_session_set_ssrc_changed_threshold(session, ssrcThreshold)

        let rtcpPort = localPort == 0 ? 0 : localPort + 1
        // oRTP binds with SO_REUSEADDR and SO_REUSEPORT by default, which on Linux lets the RTP
        // socket share a UDP port with any socket that allows reuse too (the SIP listener does)
        // and take its datagrams. Without reuse, a port in use fails to bind and the caller
        // moves on to another one.
        rtp_session_set_reuseaddr(session, 0)
        guard rtp_session_set_local_addr(session, localAddress, Int32(localPort), Int32(rtcpPort)) == 0 else {
            rtp_session_destroy(session)
            rtp_profile_destroy(profile)
            throw RTPSessionError(.bindFailed, "bind \(localAddress) port \(localPort)")
        }
        guard let gates = SocketReadGate.install(on: session) else {
            rtp_session_destroy(session)
            rtp_profile_destroy(profile)
            throw RTPSessionError(.allocationFailed, "RTP transports")
        }
        (dataGate, controlGate) = gates
        self.session = session
        self.profile = profile
        self.payloadType = payloadType
        self.clockRate = clockRate
        self.localPort = Int(rtp_session_get_local_port(session))
        self.localRTCPPort = Int(rtp_session_get_local_rtcp_port(session))
    }

    deinit {
        // The session refers to the profile, so it goes first.
        rtp_session_destroy(session)
        rtp_profile_destroy(profile)
    }

    /// The synchronisation source this session sends with, chosen at random by oRTP (RFC 3550 §8.1).
    public var ssrc: UInt32 {
        rtp_session_get_send_ssrc(session)
    }

    /// The synchronisation source of the packets received so far; 0 before the first one.
    public var remoteSSRC: UInt32 {
        rtp_session_get_recv_ssrc(session)
    }

    /// Forgets the receive timeline and empties the receive queue, so that the next packet maps its
    /// sender's timestamps onto the caller's clock afresh.
    ///
    /// Called when the sender's SSRC changed (a new source starts its own random timestamp base,
    /// RFC 3550 §5.1), which would otherwise leave every later packet "too old" or "too early".
    public func resynchronize() {
        rtp_session_resync(session)
    }

    /// Packets received on the socket so far, whether or not they were handed out in time.
    public var packetsReceived: UInt64 {
        parley_ortp_packets_received(session)
    }

    /// Packets sent so far.
    public var packetsSent: UInt64 {
        parley_ortp_packets_sent(session)
    }

    /// Switches the session to another payload type, as a re-INVITE that changes the codec asks
    /// (RFC 3264 §8.3.2); a new clock rate also starts the receive timeline afresh.
    ///
    /// - Parameters:
    ///   - payloadType: The new RTP payload type number.
    ///   - clockRate: Its RTP clock rate in Hz.
    ///   - encodingName: Its encoding name as in SDP `a=rtpmap`.
    ///   - channels: Its channel count.
    /// - Throws: ``RTPSessionError`` when an argument is out of range or the profile cannot take it.
    public func changePayload(type payloadType: Int, clockRate: Int, encodingName: String, channels: Int = 1) throws(RTPSessionError) {
        guard (0...127).contains(payloadType), let rate = Int32(exactly: clockRate), rate > 0,
              let channelCount = Int32(exactly: channels), channelCount > 0
        else { throw RTPSessionError(.invalidArgument, "payload type \(payloadType) at \(clockRate) Hz") }
        guard parley_ortp_profile_set_audio(profile, Int32(payloadType), rate, channelCount, encodingName) == 0 else {
            throw RTPSessionError(.allocationFailed, "RTP profile for payload type \(payloadType)")
        }
        rtp_session_set_payload_type(session, Int32(payloadType))
        if clockRate != self.clockRate { rtp_session_resync(session) }
        self.payloadType = payloadType
        self.clockRate = clockRate
    }

    /// Sets where packets are sent.
    ///
    /// - Parameters:
    ///   - address: A numeric IPv4 or IPv6 address (names are not resolved on a media thread).
    ///   - port: The remote RTP port.
    ///   - rtcpPort: The remote RTCP port; by default the next port up (RFC 3550 §11).
    /// - Throws: ``RTPSessionError`` with ``RTPSessionError/Code/invalidRemoteAddress``.
    public func setRemote(address: String, port: Int, rtcpPort: Int? = nil) throws(RTPSessionError) {
        let controlPort = rtcpPort ?? port + 1
        guard (1...65535).contains(port), (1...65535).contains(controlPort),
              rtp_session_set_remote_addr_and_port(session, address, Int32(port), Int32(controlPort)) == 0
        else { throw RTPSessionError(.invalidRemoteAddress, "remote \(address) port \(port)") }
    }

    /// Sends one packet carrying `payload`.
    ///
    /// - Parameters:
    ///   - payload: The encoded media.
    ///   - timestamp: The RTP timestamp of the payload's first sample, in ``clockRate`` units.
    ///   - marker: The marker bit: for audio, the first packet after silence (RFC 3551 §4.1).
    /// - Throws: ``RTPSessionError`` when the packet cannot be built or sent.
    public func send(payload: UnsafeRawBufferPointer, timestamp: UInt32, marker: Bool = false) throws(RTPSessionError) {
        let bytes = payload.baseAddress?.assumingMemoryBound(to: UInt8.self)
        guard let packet = parley_ortp_packet_new(session, bytes, payload.count, marker ? 1 : 0) else {
            throw RTPSessionError(.allocationFailed, "RTP packet of \(payload.count) bytes")
        }
        // rtp_session_sendm_with_ts takes ownership of the packet whatever the outcome.
        guard rtp_session_sendm_with_ts(session, packet, timestamp) >= 0 else {
            throw RTPSessionError(.sendFailed, "RTP packet with timestamp \(timestamp)")
        }
    }

    /// Sends one packet carrying `payload`.
    public func send(payload: [UInt8], timestamp: UInt32, marker: Bool = false) throws(RTPSessionError) {
        try payload.withUnsafeBufferPointer { (bytes) throws(RTPSessionError) in
            try send(payload: UnsafeRawBufferPointer(bytes), timestamp: timestamp, marker: marker)
        }
    }

    /// Reads what has arrived on the socket and hands out the packet due at `timestamp`, if any.
    ///
    /// - Parameters:
    ///   - timestamp: The caller's media clock position, in ``clockRate`` units, advancing by one frame per call.
    ///   - buffer: Space for the payload.
    ///   - socketReady: What a readiness poll (``RTPSocketPoller``) found on the RTP socket this
    ///     tick, or `nil` when the caller does not poll. When given, the sockets are read only as
    ///     far as there is data to read (see ``RTPReadBudget``): about one system call per packet
    ///     instead of three.
    /// - Returns: `nil` when no packet is due; otherwise the payload's size (copied to the start of
    ///   `buffer`), its payload type, marker bit and RTP timestamp (the sender's), and whether further
    ///   packets are already queued.
    /// - Throws: ``RTPSessionError`` with ``RTPSessionError/Code/bufferTooSmall``; the packet is dropped.
    public func receive(
        timestamp: UInt32,
        into buffer: UnsafeMutableRawBufferPointer,
        socketReady: Bool? = nil
    ) throws(RTPSessionError) -> (bytes: Int, payloadType: Int, marker: Bool, timestamp: UInt32, hasMore: Bool)? {
        guard let packet = readSockets(clock: timestamp, socketReady: socketReady) else { return nil }
        defer { freemsg(packet) }
        let payload = Self.payload(of: packet)
        guard payload.count <= buffer.count else {
            throw RTPSessionError(.bufferTooSmall, "payload of \(payload.count) bytes, buffer of \(buffer.count)")
        }
        if let source = payload.baseAddress, let destination = buffer.baseAddress {
            destination.copyMemory(from: source, byteCount: payload.count)
        }
        return (
            bytes: payload.count,
            payloadType: Int(parley_ortp_packet_payload_type(packet)),
            marker: parley_ortp_packet_marker(packet) != 0,
            timestamp: parley_ortp_packet_timestamp(packet),
            hasMore: parley_ortp_has_queued_packets(session) != 0
        )
    }

    /// A packet as it arrived, valid only inside the closure it is handed to.
    public struct ArrivedPacket {
        /// The RTP sequence number.
        public let sequence: UInt16
        /// The sender's RTP timestamp.
        public let timestamp: UInt32
        /// The payload type number.
        public let payloadType: Int
        /// The marker bit.
        public let marker: Bool
        /// The synchronisation source.
        public let source: UInt32
        /// The payload, borrowed from oRTP's message block.
        public let payload: UnsafeRawBufferPointer
    }

    /// Hands every packet received since the last call to `body`, in sequence order, for a session
    /// created with `holdsPackets: false`. Reads the sockets as ``receive(timestamp:into:socketReady:)``
    /// does; `clock` is the caller's media clock position, which must advance between calls for
    /// oRTP to read the sockets again. oRTP still parses each packet, counts it for RTCP, latches
    /// symmetric RTP and follows SSRC changes; its queue is left empty, so its block allocator stays
    /// short.
    ///
    /// oRTP drops a packet older than the last one it handed out, which is right for a reordered
    /// straggler and wrong for a peer that started its sequence numbers afresh under the same
    /// SSRC (another device after a re-INVITE): when ``tooOldLimit`` packets in a row were dropped
    /// so, the session is resynchronised and takes the new sequence.
    public func receiveArrived(clock: UInt32, socketReady: Bool?, _ body: (ArrivedPacket) -> Void) {
        let tooOldBefore = parley_ortp_packets_too_old(session)
        var delivered = false
        defer { watchForRestartedSequence(droppedAsTooOld: parley_ortp_packets_too_old(session) - tooOldBefore, delivered: delivered) }
        // The first call reads the sockets; the next ones (same clock) only take what oRTP queued.
        var next = readSockets(clock: clock, socketReady: socketReady)
        while let packet = next {
            body(ArrivedPacket(
                sequence: parley_ortp_packet_sequence(packet),
                timestamp: parley_ortp_packet_timestamp(packet),
                payloadType: Int(parley_ortp_packet_payload_type(packet)),
                marker: parley_ortp_packet_marker(packet) != 0,
                source: parley_ortp_packet_ssrc(packet),
                payload: Self.payload(of: packet)))
            freemsg(packet)
            delivered = true
            next = parley_ortp_has_queued_packets(session) != 0 ? rtp_session_recvm_with_ts(session, clock) : nil
        }
    }

    /// Packets in a row dropped as too old after which the sender is taken to have restarted its sequence.
    public static let tooOldLimit = 8

    private func watchForRestartedSequence(droppedAsTooOld: UInt64, delivered: Bool) {
        if delivered {
            tooOldInARow = 0
        }
        tooOldInARow += Int(droppedAsTooOld)
        if tooOldInARow >= Self.tooOldLimit {
            tooOldInARow = 0
            resynchronize()
        }
    }

    /// Opens the read gates for this receive (see ``RTPReadBudget``), lets oRTP read the sockets
    /// and returns the first packet it hands out for `clock`.
    private func readSockets(clock: UInt32, socketReady: Bool?) -> UnsafeMutablePointer<mblk_t>? {
        if let socketReady {
            dataGate.pointee.open(reads: readBudget.dataReads(socketReady: socketReady))
            controlGate.pointee.open(reads: readBudget.controlReads())
        } else {
            dataGate.pointee.open(reads: RTPReadBudget.unlimited)
            controlGate.pointee.open(reads: RTPReadBudget.unlimited)
        }
        let packet = rtp_session_recvm_with_ts(session, clock)
        if socketReady == true { readBudget.finishReadyReceive(packetsRead: dataGate.pointee.packetsRead) }
        return packet
    }

    /// The payload of a received packet, borrowed from its message block.
    private static func payload(of packet: UnsafeMutablePointer<mblk_t>) -> UnsafeRawBufferPointer {
        var start: UnsafeMutablePointer<UInt8>?
        let length = max(0, Int(rtp_get_payload(packet, &start)))
        return UnsafeRawBufferPointer(start: start, count: start == nil ? 0 : length)
    }

    /// Receives into the start of `buffer`, whose count is its capacity; see the pointer-based
    /// `receive(timestamp:into:socketReady:)`.
    public func receive(
        timestamp: UInt32,
        into buffer: inout [UInt8],
        socketReady: Bool? = nil
    ) throws(RTPSessionError) -> (bytes: Int, payloadType: Int, marker: Bool, timestamp: UInt32, hasMore: Bool)? {
        try buffer.withUnsafeMutableBufferPointer { (bytes) throws(RTPSessionError) in
            try receive(timestamp: timestamp, into: UnsafeMutableRawBufferPointer(bytes), socketReady: socketReady)
        }
    }
}

/// One readiness poll (epoll) over many ``RTPSession``s' RTP sockets, asked once per tick which have data.
///
/// oRTP reads a session's RTP and RTCP sockets on every pull: two system calls per member per tick
/// even for members who send nothing (silence suppression, DTX, a phone on hold). A media thread
/// asks this poll first and pulls only the sessions that have data, still have packets queued, or
/// have a loss to conceal. Level-triggered: a socket stays ready until oRTP drains it. It lives here
/// because the epoll calls come through this module's shim (Swift's Glibc module lacks them).
/// Not thread-safe: one media thread or the clock thread uses it.
public final class RTPSocketPoller {
    private let descriptor: Int32
    private var events: OpaquePointer?
    private var tokens: UnsafeMutablePointer<UInt64>
    private var capacity = 1024

    /// Creates the poll; ``isAvailable`` is false when the kernel refused.
    public init() {
        descriptor = parley_poll_create()
        events = OpaquePointer(parley_poll_events_new(Int32(capacity)))
        tokens = .allocate(capacity: capacity)
    }

    deinit {
        parley_poll_close(descriptor, UnsafeMutablePointer(events))
        tokens.deallocate()
    }

    /// Whether the poll works; without it every session must be pulled every tick.
    public var isAvailable: Bool { descriptor >= 0 && events != nil }

    /// Watches `session`'s RTP socket, reporting it as `token`.
    public func watch(_ session: RTPSession, token: UInt64) {
        guard isAvailable else { return }
        _ = parley_poll_watch(descriptor, Int32(rtp_session_get_rtp_socket(session.session)), token)
    }

    /// Stops watching `session`'s RTP socket (before the session closes it).
    public func forget(_ session: RTPSession) {
        guard isAvailable else { return }
        _ = parley_poll_forget(descriptor, Int32(rtp_session_get_rtp_socket(session.session)))
    }

    /// Calls `ready` with the token of every watched socket that has data now; never waits.
    public func poll(_ ready: (UInt64) -> Void) {
        guard isAvailable else { return }
        while true {
            let count = Int(parley_poll_ready(descriptor, tokens, UnsafeMutablePointer(events), Int32(capacity)))
            for index in 0..<count { ready(tokens[index]) }
            guard count == capacity else { return }
            // More sockets may be ready than fit: grow (rare, with very large rooms) and ask again.
            parley_poll_close(-1, UnsafeMutablePointer(events))
            tokens.deallocate()
            capacity *= 2
            events = OpaquePointer(parley_poll_events_new(Int32(capacity)))
            tokens = .allocate(capacity: capacity)
        }
    }
}

/// A receive gate in front of one of a session's sockets: the endpoint of oRTP's transport for it
/// (RTP or RTCP), which reads the socket through oRTP's own `rtp_session_recvfrom` while reads are
/// left this round and otherwise answers "would block" without a system call. Sending goes
/// straight to `rtp_session_sendto`, as without an endpoint.
///
/// oRTP owns the memory once installed: its transport's destroy callback frees it with the session.
struct SocketReadGate {
    /// The socket, as oRTP asks its transport for it.
    let socket: Int32
    /// Whether this is the RTP socket (else RTCP).
    let isRTP: Bool
    /// Reads left this round; negative without limit.
    var readsLeft: Int32 = RTPReadBudget.unlimited
    /// Datagrams read this round.
    private(set) var packetsRead: Int32 = 0

    /// Starts a round of at most `reads` reads (``RTPReadBudget/unlimited`` for no limit).
    mutating func open(reads: Int32) {
        readsLeft = reads
        packetsRead = 0
    }

    /// Puts a gate in front of each of `session`'s sockets, as the endpoints of its meta
    /// transports; `nil` when oRTP has no transports for it.
    static func install(
        on session: UnsafeMutablePointer<RtpSession>
    ) -> (data: UnsafeMutablePointer<SocketReadGate>, control: UnsafeMutablePointer<SocketReadGate>)? {
        var dataTransport: UnsafeMutablePointer<RtpTransport>?
        var controlTransport: UnsafeMutablePointer<RtpTransport>?
        rtp_session_get_transports(session, &dataTransport, &controlTransport)
        guard let dataTransport, let controlTransport else { return nil }
        let data = endpoint(socket: Int32(rtp_session_get_rtp_socket(session)), isRTP: true, session: session)
        let control = endpoint(socket: Int32(rtp_session_get_rtcp_socket(session)), isRTP: false, session: session)
        meta_rtp_transport_set_endpoint(dataTransport, data.transport)
        meta_rtp_transport_set_endpoint(controlTransport, control.transport)
        return (data.gate, control.gate)
    }

    private static func endpoint(
        socket: Int32, isRTP: Bool, session: UnsafeMutablePointer<RtpSession>
    ) -> (transport: UnsafeMutablePointer<RtpTransport>, gate: UnsafeMutablePointer<SocketReadGate>) {
        let gate = UnsafeMutablePointer<SocketReadGate>.allocate(capacity: 1)
        gate.initialize(to: SocketReadGate(socket: socket, isRTP: isRTP))
        let transport = UnsafeMutablePointer<RtpTransport>.allocate(capacity: 1)
        transport.initialize(to: RtpTransport())
        transport.pointee.data = UnsafeMutableRawPointer(gate)
        transport.pointee.session = session
        transport.pointee.t_getsocket = { transport in
            transport?.pointee.data?.assumingMemoryBound(to: SocketReadGate.self).pointee.socket ?? -1
        }
        transport.pointee.t_sendto = { transport, message, flags, destination, length in
            guard let transport, let gate = transport.pointee.data?.assumingMemoryBound(to: SocketReadGate.self) else { return -1 }
            return rtp_session_sendto(transport.pointee.session, gate.pointee.isRTP ? 1 : 0, message, flags, destination, length)
        }
        transport.pointee.t_recvfrom = { transport, message, flags, source, length in
            guard let transport, let gate = transport.pointee.data?.assumingMemoryBound(to: SocketReadGate.self) else { return -1 }
            guard gate.pointee.readsLeft != 0 else {
                errno = EWOULDBLOCK
                return -1
            }
            if gate.pointee.readsLeft > 0 { gate.pointee.readsLeft -= 1 }
            let received = rtp_session_recvfrom(transport.pointee.session, gate.pointee.isRTP ? 1 : 0, message, flags, source, length)
            if received > 0 { gate.pointee.packetsRead += 1 }
            return received
        }
        // The session closes its sockets itself; the gate only forgets them with its memory.
        transport.pointee.t_close = { _ in }
        transport.pointee.t_destroy = { transport in
            guard let transport else { return }
            if let gate = transport.pointee.data?.assumingMemoryBound(to: SocketReadGate.self) {
                gate.deinitialize(count: 1)
                gate.deallocate()
            }
            transport.deinitialize(count: 1)
            transport.deallocate()
        }
        return (transport, gate)
    }
}
