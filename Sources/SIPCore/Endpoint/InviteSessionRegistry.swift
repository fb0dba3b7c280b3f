import Logging
import NIOCore

/// The calls of an ``InviteSessionManager``: their sessions, the server transactions their
/// responses go through, their timers, and the maps that route requests to them by dialog.
///
/// `@unchecked Sendable` is safe here because every mutable member is touched only on
/// `eventLoop`: the endpoint calls ``receive(_:)`` there, transaction callbacks and timers run
/// there, and the public API reaches this object through tasks submitted to the loop.
/// ``endpoint`` is written once, in `init`, before any of those can run.
final class InviteSessionRegistry: @unchecked Sendable {
    /// One call. A class, so that each step changes its session in place: a struct this size
    /// copied out of the table and back at every input cost a retain and a release per field.
    private final class Entry {
        var session: InviteSession
        let events: AsyncStream<InviteSessionEvent>
        /// The call's own stream; `nil` with combined delivery, where events go to the manager's activity.
        let continuation: AsyncStream<InviteSessionEvent>.Continuation?
        /// The requests still to be answered, by CSeq, with their server transaction.
        var responders: [SIPCSeq: IncomingRequest] = [:]
        /// Where requests outside the dialog go (an outbound proxy), if not to the Request-URI.
        let outboundDestination: SIPTransportAddress?
        /// The transport calls use.
        let transport: SIPTransportProtocol
        /// The dialogs routed to this call.
        var dialogIDs: [DialogID] = []
        /// The key of its initial INVITE (Call-ID and From tag), for CANCEL at the UAS.
        let inviteKey: String
        /// Whether it is an incoming call the user has not rung, answered or refused yet.
        var awaitsUser = false

        init(
            session: InviteSession, events: AsyncStream<InviteSessionEvent>,
            continuation: AsyncStream<InviteSessionEvent>.Continuation?, outboundDestination: SIPTransportAddress?,
            transport: SIPTransportProtocol, inviteKey: String
        ) {
            self.session = session
            self.events = events
            self.continuation = continuation
            self.outboundDestination = outboundDestination
            self.transport = transport
            self.inviteKey = inviteKey
        }
    }

    private struct TimerID: Hashable {
        let call: Int
        let timer: InviteSessionTimer
    }

    let eventLoop: EventLoop
    private(set) var endpoint: SIPEndpoint!
    /// The settings every call shares; Contact and Via are filled in per call and transport.
    private let sessionTemplate: InviteSessionConfiguration
    /// The endpoint's bound addresses, one per transport.
    private var contactAddresses: [SIPTransportAddress] = []
    private let configuration: InviteSessionManager.Configuration
    private let logger: Logger
    private let incomingCalls: AsyncStream<InviteCall>.Continuation
    private let activity: AsyncStream<InviteSessionActivity>.Continuation
    /// With combined delivery, the one already finished stream every call's ``InviteCall/events`` is.
    private let finishedEvents: AsyncStream<InviteSessionEvent>?
    private let otherRequests: (@Sendable (IncomingRequest) -> Void)?
    private let screen: UASRequestScreen
    private var entries: [Int: Entry] = [:]
    private var callsByDialog: [DialogID: Int] = [:]
    private var callsByInvite: [String: Int] = [:]
    private var nextCallID = 1
    /// Incoming calls whose user has not acted yet, for ``InviteSessionManager/Configuration/maximumUnansweredCalls``.
    private var unansweredCalls = 0
    /// Armed timers by generation, disarmed by forgetting them, as ``EndpointCore`` does.
    private var timers: [TimerID: UInt64] = [:]
    private var nextTimerGeneration: UInt64 = 0
    private let timerWheel: LoopTimerWheel<(id: TimerID, generation: UInt64)>

    init(
        configuration: InviteSessionManager.Configuration, eventLoop: EventLoop, logger: Logger,
        incomingCalls: AsyncStream<InviteCall>.Continuation, activity: AsyncStream<InviteSessionActivity>.Continuation,
        otherRequests: (@Sendable (IncomingRequest) -> Void)?
    ) {
        self.eventLoop = eventLoop
        self.configuration = configuration
        self.logger = logger
        self.incomingCalls = incomingCalls
        self.activity = activity
        switch configuration.eventDelivery {
        case .perCall:
            finishedEvents = nil
        case .combined:
            let (events, continuation) = AsyncStream<InviteSessionEvent>.makeStream()
            continuation.finish()
            finishedEvents = events
        }
        self.otherRequests = otherRequests
        screen = UASRequestScreen(
            allowedMethods: configuration.allowedMethods,
            supportedExtensions: configuration.sessionTimers == nil ? [] : ["timer"],
            acceptedBodyTypes: [.invite: ["application/sdp"], .update: ["application/sdp"]])
        sessionTemplate = InviteSessionConfiguration(
            contact: SIPURI(user: configuration.contactUser, host: "127.0.0.1"),
            transactions: configuration.endpoint.transactions, sessionTimers: configuration.sessionTimers,
            allowedMethods: configuration.allowedMethods, makeVia: { SIPVia(transport: "UDP", host: "127.0.0.1") })
        timerWheel = LoopTimerWheel(eventLoop: eventLoop)
        endpoint = SIPEndpoint(configuration: configuration.endpoint, eventLoop: eventLoop, logger: logger) {
            [weak self] request in self?.receive(request)
        }
        // Weak: a wheel task already running may outlive the registry it would call back.
        timerWheel.expired = { [weak self] timer, _ in self?.timerFired(timer.id, generation: timer.generation) }
    }

    /// Takes the endpoint's bound addresses, from which each call's Contact is made.
    func useContactAddresses(_ addresses: [SIPTransportAddress]) {
        eventLoop.assertInEventLoop()
        contactAddresses = addresses
    }

    /// The session settings of a call over `transport`: Via and Contact name that transport
    /// (RFC 3261 §18.1.1, §19.1.1 `transport` parameter), so the peer answers over it.
    private func sessionConfiguration(over transport: SIPTransportProtocol) -> InviteSessionConfiguration {
        var settings = sessionTemplate
        if let local = contactAddresses.first(where: { $0.transport == transport }) ?? contactAddresses.first {
            let host = configuration.endpoint.namedHost(forBound: local.host) ?? local.host
            settings.contact = SIPURI(user: configuration.contactUser, host: host, port: local.port)
        }
        if transport != .udp {
            settings.contact.parameters = [SIPParameter(name: "transport", value: transport.rawValue.lowercased())]
        }
        settings.makeVia = { [weak endpoint] in
            endpoint?.makeVia(for: transport) ?? SIPVia(transport: transport.rawValue, host: "127.0.0.1")
        }
        return settings
    }

    func session(_ call: Int) -> InviteSession? {
        entries[call]?.session
    }

    // MARK: - Requests in

    /// Routes a request from the endpoint (RFC 3261 §12.2.2): to its dialog's call, 481 for an
    /// unknown dialog, a new call for an INVITE outside any dialog, the rest to `otherRequests`.
    func receive(_ incoming: IncomingRequest) {
        eventLoop.assertInEventLoop()
        let request = incoming.message
        if request.method == .cancel {
            if let call = callsByInvite[Self.inviteKey(callID: request.callID, tag: request.from.tag)] {
                step(call) { $0.receive(request: request) }
            }
            return
        }
        guard let dialogID = DialogID(incomingRequest: request) else {
            if request.method == .invite { return acceptCall(incoming) }
            if request.method != .ack { answerOutsideDialog(incoming) }
            return
        }
        guard let call = callsByDialog[dialogID] else {
            if request.method != .ack { incoming.respond(statusCode: 481) }
            return
        }
        if request.method != .ack { entries[call]?.responders[request.cseq] = incoming }
        step(call) { $0.receive(request: request) }
    }

    /// A request outside any dialog that is no INVITE: the user's handler, or 200 to OPTIONS
    /// with this UA's capabilities (RFC 3261 §11.2) and 405 with Allow to the rest (§8.2.1).
    private func answerOutsideDialog(_ incoming: IncomingRequest) {
        if let otherRequests { return otherRequests(incoming) }
        let allow = SIPHeaderField(
            name: SIPHeaderName.allow.rawValue, value: configuration.allowedMethods.map(\.rawValue).joined(separator: ", "))
        guard incoming.message.method == .options else {
            incoming.respond(statusCode: 405, headers: [allow])
            return
        }
        var headers = [allow]
        if configuration.sessionTimers != nil {
            headers.append(SIPHeaderField(name: SIPHeaderName.supported.rawValue, value: "timer"))
        }
        incoming.respond(statusCode: 200, headers: headers)
    }

    private func acceptCall(_ incoming: IncomingRequest) {
        if let limit = configuration.maximumUnansweredCalls, unansweredCalls >= limit {
            incoming.respond(statusCode: 503, headers: [SIPHeaderField(name: "Retry-After", value: "1")])
            return
        }
        if let rejection = screen.rejection(for: incoming.message) {
            incoming.respond(statusCode: rejection.statusCode, headers: rejection.headers)
            return
        }
        let request = incoming.message
        let (session, actions) = InviteSession.incoming(
            request, localTag: SIPIdentifiers.tag(),
            configuration: sessionConfiguration(over: incoming.source.transport))
        let call = register(
            session, transport: incoming.source.transport, outbound: nil,
            inviteKey: Self.inviteKey(callID: request.callID, tag: request.from.tag))
        entries[call]?.responders[request.cseq] = incoming
        if let entry = entries[call] {
            entry.awaitsUser = true
            unansweredCalls += 1
            let handle = InviteCall(id: call, invite: request, events: entry.events, registry: self)
            switch configuration.eventDelivery {
            case .perCall: incomingCalls.yield(handle)
            case .combined: activity.yield(.incoming(handle))
            }
        }
        perform(actions, for: call)
    }

    // MARK: - Calls out

    func placeCall(
        to: SIPNameAddress, from: SIPNameAddress, sdp: SessionDescription?, credentials: DigestClient?,
        headers: [SIPHeaderField], destination: SIPTransportAddress?
    ) -> InviteCall {
        eventLoop.assertInEventLoop()
        let settings = sessionConfiguration(over: destination?.transport ?? .udp)
        let (session, actions) = InviteSession.outgoing(
            to: to, from: from, offer: sdp, credentials: credentials, headers: headers,
            callID: SIPIdentifiers.callID(host: settings.contact.host), localTag: SIPIdentifiers.tag(),
            configuration: settings)
        let call = register(
            session, transport: destination?.transport ?? .udp, outbound: destination,
            inviteKey: Self.inviteKey(callID: session.invite.callID, tag: nil))
        let entry = entries[call]!
        let handle = InviteCall(id: call, invite: session.invite, events: entry.events, registry: self)
        perform(actions, for: call)
        return handle
    }

    func command(_ call: Int, _ input: @escaping @Sendable (inout InviteSession) -> [InviteSessionAction]) {
        eventLoop.execute { [self] in step(call, input) }
    }

    func shutdown() {
        eventLoop.assertInEventLoop()
        for entry in entries.values { entry.continuation?.finish() }
        entries = [:]
        unansweredCalls = 0
        callsByDialog = [:]
        callsByInvite = [:]
        timers = [:]
        timerWheel.removeAll()
        incomingCalls.finish()
        activity.finish()
    }

    // MARK: - Driving sessions

    private func register(
        _ session: InviteSession, transport: SIPTransportProtocol, outbound: SIPTransportAddress?, inviteKey: String
    ) -> Int {
        let call = nextCallID
        nextCallID += 1
        let (events, continuation) = finishedEvents.map { ($0, nil) } ?? AsyncStream<InviteSessionEvent>.makeStream()
        entries[call] = Entry(
            session: session, events: events, continuation: continuation, outboundDestination: outbound,
            transport: transport, inviteKey: inviteKey)
        callsByInvite[inviteKey] = call
        return call
    }

    /// Feeds one input to a call's session and performs what it asks.
    private func step(_ call: Int, _ input: (inout InviteSession) -> [InviteSessionAction]) {
        guard let entry = entries[call] else { return }
        let actions = input(&entry.session)
        perform(actions, for: call)
    }

    private func perform(_ actions: [InviteSessionAction], for call: Int) {
        syncDialogs(of: call)
        for action in actions {
            guard let entry = entries[call] else { return }
            switch action {
            case .sendRequest(let request):
                sendRequest(request, for: call, entry: entry)
            case .sendACK(let ack):
                guard let destination = destination(of: ack, entry: entry) else { continue }
                endpoint.sendOutsideTransaction(ack, to: destination).whenFailure { [logger] error in
                    logger.debug("could not send ACK of call \(call): \(error)")
                }
            case .sendResponse(let response):
                if entry.awaitsUser, response.cseq.method == .invite, (response.statusCode ?? 0) >= 180 {
                    entry.awaitsUser = false
                    unansweredCalls -= 1
                }
                entry.responders[response.cseq]?.respond(response)
                if let code = response.statusCode, code >= 200, response.cseq.method != .invite {
                    entry.responders[response.cseq] = nil
                }
            case .schedule(let timer, let delay):
                schedule(TimerID(call: call, timer: timer), after: delay)
            case .cancel(let timer):
                timers.removeValue(forKey: TimerID(call: call, timer: timer))
            case .report(let event):
                if let continuation = entry.continuation {
                    continuation.yield(event)
                } else {
                    activity.yield(.event(event, call: call))
                }
                if case .terminated = event { remove(call) }
            }
        }
    }

    private func sendRequest(_ request: SIPMessage, for call: Int, entry: Entry) {
        guard let destination = destination(of: request, entry: entry) else {
            logger.debug("no destination for \(request.method) of call \(call)")
            step(call) { $0.requestFailed(request) }
            return
        }
        // Both callbacks run on the loop: provisional responses and later 2xx straight from the
        // transaction, the final response when its future completes. Taking the 1xx without a hop
        // keeps it ahead of the final response that follows it.
        endpoint.startTransaction(request, to: destination) { [weak self] response in
            self?.step(call) { $0.receive(response: response) }
        }.whenComplete { [weak self] result in
            switch result {
            case .success(let response): self?.step(call) { $0.receive(response: response) }
            case .failure: self?.step(call) { $0.requestFailed(request) }
            }
        }
    }

    /// The first Route's address, else the Request-URI's; the outbound proxy outside the dialog.
    private func destination(of request: SIPMessage, entry: Entry) -> SIPTransportAddress? {
        if request.to.tag == nil || request.method == .cancel, let outbound = entry.outboundDestination {
            return outbound
        }
        let route = request.headers.splitValues(.route).first.flatMap { try? SIPNameAddress(parsing: $0) }
        guard let uri = route?.uri ?? request.requestURI else { return nil }
        let transport = uri.transport.flatMap { SIPTransportProtocol(rawValue: $0.uppercased()) } ?? entry.transport
        return try? SIPTransportAddress(transport, host: uri.host, port: uri.port ?? 5060)
    }

    private func syncDialogs(of call: Int) {
        guard let entry = entries[call] else { return }
        let current = entry.session.dialogIDs
        guard current != entry.dialogIDs else { return }
        for id in entry.dialogIDs where !current.contains(id) { callsByDialog[id] = nil }
        for id in current { callsByDialog[id] = call }
        entry.dialogIDs = current
    }

    private func remove(_ call: Int) {
        guard let entry = entries.removeValue(forKey: call) else { return }
        if entry.awaitsUser { unansweredCalls -= 1 }
        entry.continuation?.finish()
        for id in entry.dialogIDs where callsByDialog[id] == call { callsByDialog[id] = nil }
        if callsByInvite[entry.inviteKey] == call { callsByInvite[entry.inviteKey] = nil }
        for timer in InviteSession.allTimers { timers.removeValue(forKey: TimerID(call: call, timer: timer)) }
    }

    private static func inviteKey(callID: String, tag: String?) -> String {
        "\(callID)\u{0}\(tag ?? "")"
    }

    // MARK: - Timers

    private func schedule(_ id: TimerID, after delay: Duration) {
        nextTimerGeneration &+= 1
        let generation = nextTimerGeneration
        timers[id] = generation
        timerWheel.arm((id, generation), after: delay)
    }

    private func timerFired(_ id: TimerID, generation: UInt64) {
        guard timers[id] == generation else { return }
        timers.removeValue(forKey: id)
        step(id.call) { $0.timerFired(id.timer) }
    }
}
