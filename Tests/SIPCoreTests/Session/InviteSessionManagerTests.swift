import NIOPosix
import SIPCore
import SIPTesting
import Testing

/// Two ``InviteSessionManager``s calling each other over real UDP on 127.0.0.1: the UAC and UAS
/// drivers together — INVITE/200/ACK, INFO with DTMF, hold by UPDATE, BYE.
struct InviteSessionManagerTests {
    static func manager(
        maximumUnansweredCalls: Int? = nil, eventDelivery: InviteSessionManager.EventDelivery = .perCall
    ) async throws -> (InviteSessionManager, SIPTransportAddress) {
        let manager = InviteSessionManager(
            configuration: .init(
                endpoint: .init(listenAddresses: [try SIPTransportAddress(.udp, host: "127.0.0.1", port: 0)]),
                contactUser: "conf", maximumUnansweredCalls: maximumUnansweredCalls, eventDelivery: eventDelivery),
            eventLoop: MultiThreadedEventLoopGroup.singleton.next())
        let bound = try await manager.start()
        return (manager, try #require(bound.first))
    }

    static func sdp(version: UInt64, port: Int, direction: MediaDirection = .sendrecv) throws -> SessionDescription {
        try SessionDescription(parsing: [
            "v=0", "o=- 7 \(version) IN IP4 127.0.0.1", "s=-", "c=IN IP4 127.0.0.1", "t=0 0",
            "m=audio \(port) RTP/AVP 0", "a=rtpmap:0 PCMU/8000", "a=\(direction.rawValue)", "",
        ].joined(separator: "\r\n"))
    }

    @Test func callCarriesDTMFAndHoldThenHangsUp() async throws {
        let (callee, calleeAddress) = try await Self.manager()
        let (caller, _) = try await Self.manager()
        let answered = Task { () -> [InviteSessionEvent] in
            var events: [InviteSessionEvent] = []
            for await call in callee.incomingCalls {
                call.ring()
                for await event in call.events {
                    events.append(event)
                    switch event {
                    case .offerReceived(let offer):
                        let direction = offer.media.first.map { offer.direction(of: $0).answered() } ?? .sendrecv
                        call.answer(sdp: try! Self.sdp(version: events.count > 1 ? 2 : 1, port: 41000, direction: direction))
                    default:
                        break
                    }
                }
                break
            }
            return events
        }
        let call = try await caller.invite(
            to: SIPNameAddress(uri: SIPURI(user: "conf", host: "127.0.0.1", port: calleeAddress.port)),
            from: SIPNameAddress(uri: SIPURI(user: "alice", host: "127.0.0.1")), sdp: try Self.sdp(version: 1, port: 40000))
        var callerEvents: [InviteSessionEvent] = []
        for await event in call.events {
            callerEvents.append(event)
            switch event {
            case .established:
                call.sendInfo(contentType: "application/dtmf-relay", body: Array("Signal=7\r\nDuration=160\r\n".utf8))
                call.modify(sdp: try Self.sdp(version: 2, port: 40000, direction: .sendonly), method: .update)
            case .answerReceived(let answer) where answer.origin.sessionVersion == 2:
                call.hangUp()
            default:
                break
            }
        }
        let calleeEvents = await answered.value
        #expect(callerEvents.first == .progress(statusCode: 180, earlyMedia: nil))
        #expect(callerEvents.contains(.established))
        #expect(callerEvents.contains(.answerReceived(try Self.sdp(version: 2, port: 41000, direction: .recvonly))))
        #expect(callerEvents.last == .terminated(.localHangUp))
        #expect(calleeEvents.contains(.info(contentType: "application/dtmf-relay", body: Array("Signal=7\r\nDuration=160\r\n".utf8))))
        #expect(calleeEvents.contains(.mediaChanged(try Self.sdp(version: 2, port: 40000, direction: .sendonly), isOnHold: true)))
        #expect(calleeEvents.last == .terminated(.remoteHangUp))
        await caller.shutdown()
        await callee.shutdown()
    }

    /// RFC 3261 §11.2: OPTIONS outside a dialog gets 200 with Allow; another method gets 405 with Allow.
    @Test func answersOptionsWithItsCapabilities() async throws {
        let (server, serverAddress) = try await Self.manager()
        let (client, _) = try await Self.manager()
        func request(_ method: SIPMethod) -> SIPMessage {
            SIPMessage(
                request: method, uri: SIPURI(user: "conf", host: "127.0.0.1", port: serverAddress.port),
                via: client.endpoint.makeVia(for: .udp),
                from: SIPNameAddress(uri: SIPURI(user: "probe", host: "127.0.0.1"), parameters: [.init(name: "tag", value: "p1")]),
                to: SIPNameAddress(uri: SIPURI(user: "conf", host: "127.0.0.1")), callID: SIPIdentifiers.callID(),
                sequenceNumber: 1)
        }
        let options = try await client.endpoint.send(request(.options), to: serverAddress)
        #expect(options.statusCode == 200)
        #expect(options.headers.splitValues(.allow).contains("INVITE"))
        #expect(options.headers.splitValues(.allow).contains("UPDATE"))
        let message = try await client.endpoint.send(request(.message), to: serverAddress)
        #expect(message.statusCode == 405)
        #expect(message.headers[.allow] != nil)
        await client.shutdown()
        await server.shutdown()
    }

    /// Overload: with one call waiting for its user, the next INVITE gets 503 with Retry-After and
    /// the waiting call is kept; once the user answers it, calls are taken again.
    @Test func unansweredCallsBeyondTheLimitGet503() async throws {
        let (callee, calleeAddress) = try await Self.manager(maximumUnansweredCalls: 1)
        let (caller, _) = try await Self.manager()
        let to = SIPNameAddress(uri: SIPURI(user: "conf", host: "127.0.0.1", port: calleeAddress.port))
        func dial(_ name: String) async throws -> InviteCall {
            try await caller.invite(
                to: to, from: SIPNameAddress(uri: SIPURI(user: name, host: "127.0.0.1")), sdp: try Self.sdp(version: 1, port: 40000))
        }
        func end(of call: InviteCall) async -> InviteSessionEvent? {
            for await event in call.events {
                if case .terminated = event { return event }
                if case .established = event { return event }
            }
            return nil
        }
        var incoming = callee.incomingCalls.makeAsyncIterator()
        let first = try await dial("first")
        let waiting = try #require(await incoming.next())
        let refused = try await dial("second")
        #expect(await end(of: refused) == .terminated(.rejected(statusCode: 503, reasonPhrase: "Service Unavailable")))
        waiting.answer(sdp: try Self.sdp(version: 1, port: 41000))
        #expect(await end(of: first) == .established, "the waiting call was kept")
        let third = try await dial("third")
        let taken = try #require(await incoming.next())
        taken.answer(sdp: try Self.sdp(version: 1, port: 41002))
        #expect(await end(of: third) == .established, "answered calls no longer count against the limit")
        first.hangUp()
        third.hangUp()
        await caller.shutdown()
        await callee.shutdown()
    }

    /// Combined delivery: two calls arrive on one stream, each call's events follow its arrival
    /// on that stream in order and name their call, and the per-call streams end at once.
    @Test func combinedDeliveryPutsCallsAndTheirEventsOnOneStream() async throws {
        let (callee, calleeAddress) = try await Self.manager(eventDelivery: .combined)
        let (caller, _) = try await Self.manager()
        for await _ in callee.incomingCalls { Issue.record("incoming calls go to the activity stream") }
        let to = SIPNameAddress(uri: SIPURI(user: "conf", host: "127.0.0.1", port: calleeAddress.port))
        let first = try await caller.invite(
            to: to, from: SIPNameAddress(uri: SIPURI(user: "first", host: "127.0.0.1")), sdp: try Self.sdp(version: 1, port: 40000))
        let second = try await caller.invite(
            to: to, from: SIPNameAddress(uri: SIPURI(user: "second", host: "127.0.0.1")), sdp: try Self.sdp(version: 1, port: 40002))
        var arrived: [Int] = []
        var handles: [Int: InviteCall] = [:]
        var eventsByCall: [Int: [InviteSessionEvent]] = [:]
        var ended = 0
        for await activity in callee.activity {
            switch activity {
            case .incoming(let call):
                for await _ in call.events { Issue.record("a call's events go to the activity stream") }
                arrived.append(call.id)
                handles[call.id] = call
                eventsByCall[call.id] = []
            case .event(let event, let id):
                #expect(arrived.contains(id), "an event follows its call's arrival")
                eventsByCall[id, default: []].append(event)
                switch event {
                case .offerReceived: handles[id]?.answer(sdp: try Self.sdp(version: 1, port: 41000 + id * 2))
                case .established where eventsByCall.values.allSatisfy({ $0.contains(.established) }) && arrived.count == 2:
                    first.hangUp()
                    second.hangUp()
                case .terminated: ended += 1
                default: break
                }
            }
            if ended == 2 { break }
        }
        #expect(arrived.count == 2)
        for id in arrived {
            #expect(eventsByCall[id]?.first.map { if case .offerReceived = $0 { true } else { false } } == true)
            #expect(eventsByCall[id]?.contains(.established) == true)
            #expect(eventsByCall[id]?.last == .terminated(.remoteHangUp))
        }
        await caller.shutdown()
        await callee.shutdown()
    }
}
