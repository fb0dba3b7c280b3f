import NIOPosix
import SIPCore
import SIPTesting
import Synchronization
import Testing

/// The INVITE usage of SIPCore against SIPp over real sockets on 127.0.0.1 (UDP; the basic call over TCP too): SIPp calls an
/// ``InviteSessionManager`` (answered, cancelled, put on hold, session timers, unknown dialog)
/// and answers its outgoing calls (digest, busy).
@Suite(.serialized) struct InviteSessionSIPpTests {
    /// Every event of every call, in arrival order per call.
    final class EventLog: Sendable {
        private let calls = Mutex<[Int: [InviteSessionEvent]]>([:])

        func append(_ event: InviteSessionEvent, call: Int) { calls.withLock { $0[call, default: []].append(event) } }

        var byCall: [[InviteSessionEvent]] { calls.withLock { log in log.keys.sorted().map { log[$0]! } } }

        /// Waits until `count` calls have ended, at most five seconds.
        func waitForEnded(_ count: Int) async throws {
            try await eventually("\(count) calls to end", within: .seconds(5), detail: { "events: \(self.byCall)" }) {
                byCall.filter { events in events.contains { if case .terminated = $0 { true } else { false } } }.count >= count
            }
        }
    }

    /// What the test's user agent does with an incoming call.
    enum Policy: Sendable {
        /// Ring, then answer every offer, initial or re-INVITE, mirroring its direction (RFC 3264 §6.1).
        case answer
        /// Ring and never answer.
        case ringOnly
    }

    static func manager(
        sessionTimers: SessionTimerConfiguration? = nil, transport: SIPTransportProtocol = .udp
    ) async throws -> (InviteSessionManager, Int) {
        let manager = InviteSessionManager(
            configuration: .init(
                endpoint: .init(listenAddresses: [try SIPTransportAddress(transport, host: "127.0.0.1", port: 0)]),
                contactUser: "conf", sessionTimers: sessionTimers),
            eventLoop: MultiThreadedEventLoopGroup.singleton.next())
        let bound = try await manager.start()
        return (manager, try #require(bound.first).port)
    }

    /// Parley's SDP: audio on 127.0.0.1:40000, PCMU and telephone-event, in `direction`.
    static func localSDP(version: UInt64, direction: MediaDirection = .sendrecv) throws -> SessionDescription {
        try SessionDescription(parsing: [
            "v=0", "o=parley 1 \(version) IN IP4 127.0.0.1", "s=-", "c=IN IP4 127.0.0.1", "t=0 0",
            "m=audio 40000 RTP/AVP 0 101", "a=rtpmap:0 PCMU/8000", "a=rtpmap:101 telephone-event/8000",
            "a=\(direction.rawValue)", "",
        ].joined(separator: "\r\n"))
    }

    /// Handles every incoming call with `policy`, logging its events.
    static func serve(_ manager: InviteSessionManager, policy: Policy, log: EventLog) -> Task<Void, Never> {
        Task {
            for await call in manager.incomingCalls {
                Task {
                    var version: UInt64 = 1
                    call.ring()
                    for await event in call.events {
                        log.append(event, call: call.id)
                        guard policy == .answer, case .offerReceived(let offer) = event else { continue }
                        let direction = offer.media.first.map { offer.direction(of: $0).answered() } ?? .sendrecv
                        call.answer(sdp: try! localSDP(version: version, direction: direction))
                        version += 1
                    }
                }
            }
        }
    }

    /// Every event of `call` until it ends (at most 15 s), each handed to `handle` as it comes.
    static func events(of call: InviteCall, handle: @escaping @Sendable (InviteSessionEvent) -> Void = { _ in }) async throws -> [InviteSessionEvent] {
        let log = EventLog()
        _ = try await eventually("the call to end", within: .seconds(15), firstOf: call.events) { event in
            log.append(event, call: 0)
            handle(event)
            if case .terminated = event { return true }
            return false
        }
        return log.byCall.first ?? []
    }

    static func isOnHold(_ event: InviteSessionEvent) -> Bool {
        if case .mediaChanged(_, isOnHold: true) = event { return true }
        return false
    }

    @Test(arguments: SIPpTransport.allCases)
    func sippCallIsAnsweredAndHungUp(over transport: SIPpTransport) async throws {
        let sipp = try InviteSessionSIPp()
        let (manager, port) = try await Self.manager(transport: transport == .udp ? .udp : .tcp)
        let log = EventLog()
        let server = Self.serve(manager, policy: .answer, log: log)
        let run = try await sipp.call("invite-call", port: port, transport: transport)
        try await log.waitForEnded(1)
        #expect(run.succeeded, "\(run.report)")
        let events = try #require(log.byCall.first)
        #expect(events.count == 3)
        #expect(events.dropFirst() == [.established, .terminated(.remoteHangUp)])
        if case .offerReceived(let offer) = events.first {
            #expect(offer.media.first?.formats.prefix(2) == ["0", "101"])
        } else {
            Issue.record("first event \(String(describing: events.first)) is not the offer")
        }
        server.cancel()
        await manager.shutdown()
    }

    @Test func sippCancelEndsTheRingingCall() async throws {
        let sipp = try InviteSessionSIPp()
        let (manager, port) = try await Self.manager()
        let log = EventLog()
        let server = Self.serve(manager, policy: .ringOnly, log: log)
        let run = try await sipp.call("invite-cancel", port: port)
        try await log.waitForEnded(1)
        #expect(run.succeeded, "\(run.report)")
        #expect(log.byCall.first?.last == .terminated(.cancelled))
        server.cancel()
        await manager.shutdown()
    }

    @Test func sippReInviteWithSendonlyPutsTheCallOnHold() async throws {
        let sipp = try InviteSessionSIPp()
        let (manager, port) = try await Self.manager()
        let log = EventLog()
        let server = Self.serve(manager, policy: .answer, log: log)
        let run = try await sipp.call("invite-hold", port: port)
        try await log.waitForEnded(1)
        #expect(run.succeeded, "\(run.report)")
        let events = try #require(log.byCall.first)
        #expect(events.contains(where: Self.isOnHold))
        #expect(events.last == .terminated(.remoteHangUp))
        server.cancel()
        await manager.shutdown()
    }

    /// RFC 4028 on the wire: 422 with Min-SE, then Session-Expires and Require: timer in the 200
    /// and in the 200 of the refresh UPDATE (timing is checked on a mock clock in SIPCoreTests).
    @Test func sippSessionTimerIsNegotiatedAndRefreshedByUpdate() async throws {
        let sipp = try InviteSessionSIPp()
        let (manager, port) = try await Self.manager(sessionTimers: .init(sessionExpires: 90))
        let log = EventLog()
        let server = Self.serve(manager, policy: .answer, log: log)
        let run = try await sipp.call("invite-session-timer", port: port)
        try await log.waitForEnded(2)
        #expect(run.succeeded, "\(run.report)")
        let calls = log.byCall
        #expect(calls.first == [.terminated(.rejected(statusCode: 422, reasonPhrase: "Session Interval Too Small"))])
        #expect(calls.last?.last == .terminated(.remoteHangUp))
        server.cancel()
        await manager.shutdown()
    }

    @Test func sippByeToAnUnknownDialogGets481() async throws {
        let sipp = try InviteSessionSIPp()
        let (manager, port) = try await Self.manager()
        let run = try await sipp.call("invite-unknown-dialog", port: port)
        #expect(run.succeeded, "\(run.report)")
        await manager.shutdown()
    }

    /// Dial-out answered 401 then 200: the credentials go in the second INVITE, the call comes up
    /// and is hung up with BYE.
    @Test func outgoingCallAnswersTheDigestChallenge() async throws {
        let sipp = try InviteSessionSIPp()
        let (manager, _) = try await Self.manager()
        let (sippPort, sippRun) = try await sipp.answer("invite-answer-auth")
        let call = try await manager.invite(
            to: SIPNameAddress(uri: SIPURI(user: "sipp", host: "127.0.0.1", port: sippPort)),
            from: SIPNameAddress(uri: SIPURI(user: "parley", host: "127.0.0.1")), sdp: try Self.localSDP(version: 1),
            credentials: DigestClient(username: "parley", password: "secret"))
        let events = try await Self.events(of: call) { if $0 == .established { call.hangUp() } }
        let run = await sippRun.value
        #expect(run.succeeded, "\(run.report)")
        #expect(events.contains(.established))
        #expect(events.last == .terminated(.localHangUp))
        #expect(events.contains { if case .answerReceived = $0 { true } else { false } })
        await manager.shutdown()
    }

    @Test func outgoingCallAnsweredBusyFailsWithItsReason() async throws {
        let sipp = try InviteSessionSIPp()
        let (manager, _) = try await Self.manager()
        let (sippPort, sippRun) = try await sipp.answer("invite-answer-busy")
        let call = try await manager.invite(
            to: SIPNameAddress(uri: SIPURI(user: "sipp", host: "127.0.0.1", port: sippPort)),
            from: SIPNameAddress(uri: SIPURI(user: "parley", host: "127.0.0.1")), sdp: try Self.localSDP(version: 1))
        let events = try await Self.events(of: call)
        let run = await sippRun.value
        #expect(run.succeeded, "\(run.report)")
        #expect(events == [.terminated(.rejected(statusCode: 486, reasonPhrase: "Busy Here"))])
        await manager.shutdown()
    }
}
