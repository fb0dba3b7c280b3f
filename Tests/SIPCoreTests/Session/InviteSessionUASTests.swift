import SIPCore
import SIPTesting
import Testing

/// The UAS side of a call: offer in the INVITE or in the 2xx, ringing, the 2xx retransmitted
/// until its ACK (RFC 3261 §13.3.1.4), CANCEL, BYE, re-INVITE hold, glare and INFO.
struct InviteSessionUASTests {
    typealias M = SessionTestMessages

    /// A UAS harness with an INVITE carrying the phone's offer.
    static func incoming(
        configuration: InviteSessionConfiguration = InviteSessionHarness.configuration, extra: [String] = []
    ) throws -> InviteSessionHarness {
        let invite = try M.request("INVITE", cseq: 1, sdp: M.sdp(), extra: extra)
        let (session, actions) = InviteSession.incoming(invite, localTag: "parley1", configuration: configuration)
        return InviteSessionHarness(session: session, actions: actions)
    }

    /// Answers and acknowledges the call: the harness ends in a confirmed, established session.
    static func established() throws -> InviteSessionHarness {
        var call = try incoming()
        call.run { $0.answer(sdp: try! M.sdp(host: "192.0.2.10")) }
        call.receive(try M.request("ACK", cseq: 1, toTag: "parley1", branch: "z9hG4bKack1"))
        return call
    }

    @Test func ringsAnswersAndIsHungUpByThePeer() throws {
        var call = try Self.incoming()
        #expect(call.events == [.offerReceived(try M.sdp())])
        call.run { $0.ring() }
        #expect(call.responses.last?.statusCode == 180)
        #expect(call.responses.last?.to.tag == "parley1")
        #expect(call.session.state == .early)

        let answer = try M.sdp(host: "192.0.2.10")
        call.run { $0.answer(sdp: answer) }
        let ok = try #require(call.responses.last)
        #expect(ok.statusCode == 200)
        #expect(ok.contacts.first?.uri.host == "192.0.2.10")
        #expect(String(decoding: ok.body, as: UTF8.self) == answer.serialized())
        #expect(call.session.state == .confirmed)

        call.receive(try M.request("ACK", cseq: 1, toTag: "parley1", branch: "z9hG4bKack1"))
        #expect(call.events.last == .established)
        #expect(call.clock.pendingTimers.isEmpty)

        call.receive(try M.request("BYE", cseq: 2, toTag: "parley1", branch: "z9hG4bKbye1"))
        #expect(call.responses.last?.statusCode == 200)
        #expect(call.responses.last?.cseq.method == .bye)
        #expect(call.events.last == .terminated(.remoteHangUp))
        #expect(call.session.state == .terminated)
    }

    /// RFC 3261 §13.3.1.4: T1, doubling to T2 — at 0.5, 1.5, 3.5, 7.5, 11.5 … s — and BYE at 64·T1.
    @Test func retransmitsTheUnacknowledged2xxThenHangsUp() throws {
        var call = try Self.incoming()
        call.run { $0.answer(sdp: try! M.sdp(host: "192.0.2.10")) }
        let fired = call.advance(to: .seconds(32))
        let retransmissions = fired.filter { $0.0 == .answerRetransmission }.map(\.1)
        #expect(Array(retransmissions.prefix(6)) == [
            .milliseconds(500), .milliseconds(1500), .milliseconds(3500), .milliseconds(7500),
            .milliseconds(11500), .milliseconds(15500),
        ])
        #expect(fired.last?.0 == .answerTimeout)
        #expect(fired.last?.1 == .seconds(32))
        #expect(call.responses.filter { $0.statusCode == 200 }.count == 1 + retransmissions.count)
        let bye = try #require(call.requests.last)
        #expect(bye.method == .bye)
        #expect(bye.to.tag == M.phoneTag)
        #expect(bye.from.tag == "parley1")
        #expect(call.session.state == .terminating)
        call.receive(response: M.response(200, to: bye))
        #expect(call.events.last == .terminated(.acknowledgementTimeout))
    }

    /// RFC 3264 §4: an INVITE without offer gets the offer in the 2xx and the answer in the ACK.
    @Test func offerlessInviteTakesTheAnswerFromTheACK() throws {
        let invite = try M.request("INVITE", cseq: 1)
        let (session, actions) = InviteSession.incoming(invite, localTag: "parley1", configuration: InviteSessionHarness.configuration)
        var call = InviteSessionHarness(session: session, actions: actions)
        #expect(call.events.isEmpty)
        call.run { $0.answer(sdp: try! M.sdp(host: "192.0.2.10")) }
        #expect(call.responses.last?.contentType == "application/sdp")
        call.receive(try M.request("ACK", cseq: 1, toTag: "parley1", sdp: M.sdp(), branch: "z9hG4bKack1"))
        #expect(call.events == [.answerReceived(try M.sdp()), .established])
    }

    /// RFC 3261 §9.2: the transaction layer answers 200 and 487; the session ends cancelled.
    @Test func cancelEndsTheRingingCall() throws {
        var call = try Self.incoming()
        call.run { $0.ring() }
        call.receive(try M.request("CANCEL", cseq: 1))
        #expect(call.events.last == .terminated(.cancelled))
        call.run { $0.answer(sdp: try! M.sdp()) }
        #expect(call.responses.map(\.statusCode) == [180])
    }

    @Test func rejectEndsTheCallWithTheStatus() throws {
        var call = try Self.incoming()
        call.run { $0.reject(statusCode: 486) }
        #expect(call.responses.last?.statusCode == 486)
        #expect(call.responses.last?.to.tag == "parley1")
        #expect(call.events.last == .terminated(.rejected(statusCode: 486, reasonPhrase: "Busy Here")))
    }

    /// RFC 3264 §8.4: a re-INVITE with `a=sendonly` and a new version puts this side on hold.
    @Test func reInviteWithSendonlyIsReportedAsHold() throws {
        var call = try Self.established()
        let hold = try M.sdp(version: 2, direction: "sendonly")
        call.receive(try M.request("INVITE", cseq: 2, toTag: "parley1", sdp: hold, branch: "z9hG4bKre1"))
        #expect(call.events.suffix(2) == [.offerReceived(hold), .mediaChanged(hold, isOnHold: true)])
        call.run { $0.answer(sdp: try! M.sdp(version: 2, direction: "recvonly", host: "192.0.2.10")) }
        #expect(call.responses.last?.statusCode == 200)
        #expect(call.responses.last?.cseq.sequenceNumber == 2)
        call.receive(try M.request("ACK", cseq: 2, toTag: "parley1", branch: "z9hG4bKack2"))
        #expect(call.clock.pendingTimers.isEmpty)
    }

    /// RFC 3261 §14.2: a re-INVITE while this side's own is pending gets 491.
    @Test func overlappingReInvitesGet491() throws {
        var call = try Self.established()
        call.run { $0.modify(sdp: try! M.sdp(version: 2, direction: "sendonly", host: "192.0.2.10")) }
        let mine = try #require(call.requests.last)
        #expect(mine.method == .invite)
        #expect(mine.cseq.sequenceNumber == 1)
        call.receive(try M.request("INVITE", cseq: 2, toTag: "parley1", sdp: M.sdp(version: 2), branch: "z9hG4bKre1"))
        #expect(call.responses.last?.statusCode == 491)
        // Our re-INVITE met glare at the peer too: retry after the non-owner's delay (RFC 3261 §14.1).
        call.receive(response: M.response(491, to: mine))
        #expect(call.clock.deadline(of: .glareRetry) == .milliseconds(1000))
        _ = call.advance(to: .seconds(1))
        #expect(call.requests.last?.method == .invite)
        #expect(call.requests.last?.cseq.sequenceNumber == 2)
    }

    @Test func infoIsDeliveredAndAnswered() throws {
        var call = try Self.established()
        let dtmf = "Signal=5\r\nDuration=160\r\n"
        call.receive(try M.parse([
            "INFO sip:conf@192.0.2.10 SIP/2.0", "Via: SIP/2.0/UDP 192.0.2.20:5060;branch=z9hG4bKinfo1",
            "From: <sip:alice@192.0.2.20>;tag=\(M.phoneTag)", "To: <sip:conf@192.0.2.10>;tag=parley1",
            "Call-ID: \(M.callID)", "CSeq: 2 INFO", "Content-Type: application/dtmf-relay",
            "Content-Length: \(dtmf.utf8.count)",
        ], body: dtmf))
        #expect(call.responses.last?.statusCode == 200)
        #expect(call.events.last == .info(contentType: "application/dtmf-relay", body: Array(dtmf.utf8)))
    }

    @Test func requestForAnotherDialogGets481() throws {
        var call = try Self.established()
        call.receive(try M.request("BYE", cseq: 2, toTag: "someone-else", branch: "z9hG4bKbye9"))
        #expect(call.responses.last?.statusCode == 481)
        #expect(call.session.state == .confirmed)
    }

    @Test func hangUpSendsByeAndEndsOnItsResponse() throws {
        var call = try Self.established()
        call.run { $0.hangUp() }
        let bye = try #require(call.requests.last)
        #expect(bye.method == .bye)
        #expect(bye.requestURI?.description == "sip:alice@192.0.2.20:5060")
        call.receive(response: M.response(200, to: bye))
        #expect(call.events.last == .terminated(.localHangUp))
    }

    /// RFC 3261 §13.3.1.1, RFC 3264 §4: a 183 carries the answer as early media and creates the early dialog.
    @Test func sessionProgressCarriesEarlyMedia() throws {
        var call = try Self.incoming()
        let early = try M.sdp(host: "192.0.2.10")
        call.run { $0.ring(earlyMedia: early) }
        let progress = try #require(call.responses.last)
        #expect(progress.statusCode == 183)
        #expect(progress.contentType == "application/sdp")
        #expect(String(decoding: progress.body, as: UTF8.self) == early.serialized())
        #expect(progress.contacts.first?.uri.user == "parley")
        #expect(call.session.dialog?.state == .early)
        #expect(call.session.localDescription == early)
    }
}

