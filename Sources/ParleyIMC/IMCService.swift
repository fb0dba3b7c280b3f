import ConferenceModel
import ControlAPI
import Foundation
import IMCCommands
import Logging
import NIOPosix
import SIPCore
import ServiceLifecycle
import Synchronization

/// `parley-imc` at work: a SIP endpoint whose MESSAGEs to the manager or a room go through the
/// room logic, with a registrar so that users can be reached, and every reply sent as a new
/// MESSAGE to the user's registered address (or through the outbound proxy).
final class IMCService: Service, Sendable {
    private let settings: IMCSettings
    private let conference: IMCConference
    private let registrar = Mutex(Registrar())
    private let logger: Logger
    private let epoch = ContinuousClock.now
    private let endpoint: SIPEndpoint

    init(settings: IMCSettings, store: any IMCStore, logger: Logger) async throws {
        self.settings = settings
        self.logger = logger
        conference = try await IMCConference(configuration: settings.configuration, store: store)
        let handler = RequestRouter()
        endpoint = SIPEndpoint(
            configuration: .init(listenAddresses: settings.listenAddresses, productName: "Parley parley-imc"),
            // One shard per core: the fan-out's client transactions spread over every loop.
            eventLoops: Array(MultiThreadedEventLoopGroup.singleton.makeIterator()), logger: logger,
            requestHandler: { request in handler.route(request) })
        handler.service.withLock { $0 = self }
    }

    func run() async throws {
        for address in try await endpoint.start() {
            FileHandle.standardOutput.write(Data("parley-imc listening on \(address)\n".utf8))
        }
        try? await gracefulShutdown()
        await endpoint.shutdown()
    }

    /// The JSON-RPC methods Kamailio's imc module answers (`imc.list_rooms`, `imc.list_members`,
    /// `stats.get_statistics`), reading a snapshot of the rooms.
    var rpcMethods: [String: JSONRPCMethod] {
        let conference = self.conference
        return IMCRPCMethods.methods(rooms: { await conference.snapshot() })
    }

    /// Fan-out MESSAGEs that may await their 200 at once (queued for a shard or sent) before room
    /// MESSAGEs get 503: about 40 ms of delivery at the 79 200/s two cores sustain, well inside
    /// Timer E, so that past that rate nothing is retransmitted (8 000 let 1.8 % be retransmitted
    /// at 118 800/s offered; Docs/Performance.md, imc-fanout).
    static let maximumPendingDeliveries = 3_000

    // MARK: - Requests

    fileprivate func receive(_ request: IncomingRequest) {
        let message = request.message
        switch message.method {
        case .register:
            register(request)
        case .message where message.requestURI.map({ settings.routesToManager(user: $0.user ?? "") }) == true:
            // Backpressure: past this many MESSAGEs awaiting their 200, new work is refused with
            // 503 instead of being fanned out into retransmissions (RFC 3261 §21.5.4).
            guard endpoint.pendingClientTransactionCount < Self.maximumPendingDeliveries else {
                request.respond(statusCode: 503, reasonPhrase: "Overloaded", headers: [SIPHeaderField(name: "Retry-After", value: "1")])
                return
            }
            Task { await self.converse(request) }
        case .message:
            request.respond(statusCode: 404, reasonPhrase: "Not Here")
        case .ack, .cancel:
            break
        case .options:
            request.respond(statusCode: 200)
        default:
            request.respond(statusCode: 405, headers: [SIPHeaderField(name: "Allow", value: "MESSAGE, REGISTER, OPTIONS")])
        }
    }

    private func register(_ request: IncomingRequest) {
        let source = BindingSourceAddress(
            host: request.source.host, port: request.source.port, transport: request.source.transport.rawValue)
        let now = ContinuousClock.now - epoch
        let response = registrar.withLock { registrar in
            registrar.process(request.message, from: source, authenticatedUser: nil, now: now)
                .response(to: request.message, toTag: SIPIdentifiers.tag())
        }
        request.respond(response)
    }

    /// One MESSAGE to the manager or a room: the room logic decides, the change is stored, the
    /// sender gets 200 or a 500-class answer, then the replies and fan-out go out.
    private func converse(_ request: IncomingRequest) async {
        let message = request.message
        guard let requestURI = message.requestURI, requestURI.isSIP, message.from.uri.isSIP, !message.body.isEmpty else {
            request.respond(statusCode: 500, reasonPhrase: "Invalid Request")
            return
        }
        let incoming = IncomingIMMessage(
            requestURI: IMCMessageURI(requestURI), fromURI: IMCMessageURI(message.from.uri), callID: message.callID,
            contentType: message.contentType, body: message.body)
        do {
            let outcome = try await conference.handle(incoming)
            request.respond(statusCode: outcome.sipStatus.statusCode, reasonPhrase: outcome.sipStatus.reasonPhrase)
            deliver(outcome.outgoing)
        } catch {
            logger.error("could not store a room change: \(error)")
            request.respond(statusCode: 500, reasonPhrase: "Storage Failure")
        }
    }

    // MARK: - Outgoing MESSAGEs

    /// Sends the MESSAGEs in the order the room logic gave them (imc.md §6, §7) without waiting
    /// for any answer. A run of MESSAGEs that differ only in their target (a relayed message, a
    /// notice to the room) goes out as one ``SIPRequestFanOut``; an invitation runs in an awaited
    /// transaction, so that its failure can be reported back.
    private func deliver(_ messages: [OutgoingIMMessage]) {
        var parsedFrom: [String: SIPURI] = [:]
        var segments: [DeliverySegment] = []
        for outgoing in messages {
            guard let target = try? SIPURI(parsing: outgoing.to),
                  let from = parsedFrom[outgoing.from] ?? (try? SIPURI(parsing: outgoing.from))
            else {
                logger.error("unusable URI in a MESSAGE from \(outgoing.from) to \(outgoing.to)")
                continue
            }
            parsedFrom[outgoing.from] = from
            guard let destination = destination(for: target) else {
                logger.debug("\(outgoing.to) is not registered")
                report(outgoing, status: 404)
                continue
            }
            if outgoing.invitation != nil {
                let request = SIPMessage(
                    request: .message, uri: target, via: endpoint.makeVia(for: destination.transport),
                    from: SIPNameAddress(uri: from, parameters: [SIPParameter(name: "tag", value: SIPIdentifiers.tag())]),
                    to: SIPNameAddress(uri: target), callID: SIPIdentifiers.callID(), sequenceNumber: Self.sequenceNumber,
                    headers: headers(for: outgoing), body: outgoing.body)
                segments.append(.invitation(request, destination, outgoing))
            } else if case .fanOut(var fanOut, let first) = segments.last, first.isSameMessage(as: outgoing) {
                segments.removeLast()
                fanOut.addTarget(target, destination: destination)
                segments.append(.fanOut(fanOut, first: first))
            } else {
                var fanOut = SIPRequestFanOut(
                    method: .message, from: from, sequenceNumber: Self.sequenceNumber, headers: headers(for: outgoing),
                    body: outgoing.body)
                fanOut.addTarget(target, destination: destination)
                segments.append(.fanOut(fanOut, first: outgoing))
            }
        }
        // Started from the listening shard's loop, behind the sender's response queued there, so
        // the response leaves first; then one hop per endpoint shard for each segment.
        endpoint.eventLoop.execute { [self, segments] in
            for segment in segments {
                switch segment {
                case .fanOut(let fanOut, _):
                    endpoint.fanOut(fanOut)
                case .invitation(let request, let destination, let outgoing):
                    endpoint.startTransaction(request, to: destination).whenComplete { [self] result in
                        switch result {
                        case .success(let response): report(outgoing, status: response.statusCode ?? 500)
                        case .failure: report(outgoing, status: 408)
                        }
                    }
                }
            }
        }
    }

    /// The CSeq number of every MESSAGE imc sends (Kamailio's `tm` starts at 10).
    private static let sequenceNumber: UInt32 = 10

    private func headers(for outgoing: OutgoingIMMessage) -> [SIPHeaderField] {
        [SIPHeaderField(name: "User-Agent", value: "Parley parley-imc")] + outgoing.headerFields(extraHeaders: settings.extraHeaders)
    }

    /// An invitation that failed (final status ≥ 300) removes the invitee (Kamailio `imc_inv_callback`).
    private func report(_ outgoing: OutgoingIMMessage, status: Int) {
        guard status >= 300, let invitation = outgoing.invitation else { return }
        Task {
            do {
                deliver(try await conference.invitationFailed(invitation, status: status).outgoing)
            } catch {
                logger.error("could not store a room change: \(error)")
            }
        }
    }

    /// The outbound proxy when set, else where the user registered from (the address the
    /// REGISTER came from, which reaches clients behind NAT).
    private func destination(for target: SIPURI) -> SIPTransportAddress? {
        if let proxy = settings.outboundProxy { return proxy }
        guard let aor = AddressOfRecord(target) else { return nil }
        let now = ContinuousClock.now - epoch
        guard let binding = registrar.withLock({ $0.locationService.lookup(aor: aor, now: now).first }) else { return nil }
        let transport = SIPTransportProtocol(rawValue: binding.source.transport) ?? .udp
        return try? SIPTransportAddress(transport, host: binding.source.host, port: binding.source.port)
    }
}

/// Outgoing MESSAGEs as they leave: runs of copies of one message, and invitations one by one.
private enum DeliverySegment: Sendable {
    /// Copies that differ only in their target; `first` is the room logic's first of them.
    case fanOut(SIPRequestFanOut, first: OutgoingIMMessage)
    /// An invitation, whose failure is reported back to the room logic.
    case invitation(SIPMessage, SIPTransportAddress, OutgoingIMMessage)
}

extension OutgoingIMMessage {
    /// Whether `other` is the same MESSAGE for another target: same From, body and headers.
    fileprivate func isSameMessage(as other: OutgoingIMMessage) -> Bool {
        from == other.from && body == other.body && inReplyTo == other.inReplyTo && headerStyle == other.headerStyle
            && other.invitation == nil
    }
}

/// Hands requests from the endpoint to the service once it exists (the endpoint is made first).
private final class RequestRouter: Sendable {
    let service = Mutex<IMCService?>(nil)

    func route(_ request: IncomingRequest) {
        service.withLock { $0 }?.receive(request)
    }
}
