import SIPCore
import SIPTesting
import Testing

/// The UAC side of a call: progress, the 2xx and its ACK, forks (RFC 3261 §13.2.2.4), digest
/// (RFC 3261 §22.2), failures, CANCEL (§9.1) and an offer in the 2xx (RFC 3264 §4).
struct InviteSessionUACTests {
    typealias M = SessionTestMessages

    static func outgoing(
        offer: SessionDescription? = nil, credentials: DigestClient? = nil,
        configuration: InviteSessionConfiguration = InviteSessionHarness.configuration
    ) -> InviteSessionHarness {
        let (session, actions) = InviteSession.outgoing(
            to: SIPNameAddress(uri: SIPURI(user: "alice", host: "192.0.2.20", port: 5060)),
            from: SIPNameAddress(uri: SIPURI(user: "conf", host: "192.0.2.10")), offer: offer,
            credentials: credentials, callID: "out-1@192.0.2.10", localTag: "parley2", configuration: configuration)
        return InviteSessionHarness(session: session, actions: actions)
    }

    @Test func ringsAnswersAndAcknowledgesEvery2xx() throws {
        var call = Self.outgoing(offer: try M.sdp(host: "192.0.2.10"))
        let invite = try #require(call.requests.first)
        #expect(invite.method == .invite)
        #expect(invite.from.tag == "parley2")
        #expect(invite.contentType == "application/sdp")
        call.receive(response: M.response(180, to: invite))
        #expect(call.events == [.progress(statusCode: 180, earlyMedia: nil)])
        #expect(call.session.state == .early)
        let ok = M.response(200, to: invite, sdp: try M.sdp())
        call.receive(response: ok)
        #expect(call.events.suffix(2) == [.answerReceived(try M.sdp()), .established])
        let ack = try #require(call.acks.first)
        #expect(ack.cseq == SIPCSeq(sequenceNumber: 1, method: .ack))
        #expect(ack.to.tag == M.phoneTag)
        #expect(ack.requestURI?.description == "sip:alice@192.0.2.20:5060")
        // A retransmitted 2xx gets the same ACK again (RFC 3261 §13.2.2.4).
        call.receive(response: ok)
        #expect(call.acks.count == 2)
        #expect(call.acks[1].topVia?.branch == ack.topVia?.branch)
        #expect(call.session.state == .confirmed)
    }

    /// RFC 3261 §13.2.2.4: forks make early dialogs; the first 2xx wins; a later fork's 2xx is
    /// acknowledged and ended with BYE.
    @Test func laterForkIsAcknowledgedAndHungUp() throws {
        var call = Self.outgoing(offer: try M.sdp(host: "192.0.2.10"))
        let invite = try #require(call.requests.first)
        call.receive(response: M.response(180, to: invite, toTag: "forkA"))
        call.receive(response: M.response(183, to: invite, toTag: "forkB", sdp: try M.sdp(port: 50000)))
        #expect(call.session.dialogIDs.compactMap(\.remoteTag).sorted() == ["forkA", "forkB"])
        #expect(call.events.last == .progress(statusCode: 183, earlyMedia: try M.sdp(port: 50000)))
        call.receive(response: M.response(200, to: invite, toTag: "forkA", sdp: try M.sdp()))
        #expect(call.session.dialog?.id.remoteTag == "forkA")
        call.receive(response: M.response(200, to: invite, toTag: "forkB", sdp: try M.sdp(port: 50000)))
        #expect(call.acks.map(\.to.tag) == ["forkA", "forkB"])
        let bye = try #require(call.requests.last)
        #expect(bye.method == .bye)
        #expect(bye.to.tag == "forkB")
        #expect(call.session.state == .confirmed)
        #expect(call.session.dialog?.id.remoteTag == "forkA")
    }

    /// RFC 3261 §22.2: one challenge is answered with the next CSeq and credentials; a second fails the call.
    @Test func answersOneChallengeAndFailsOnTheSecond() throws {
        var call = Self.outgoing(
            offer: try M.sdp(host: "192.0.2.10"), credentials: DigestClient(username: "parley", password: "secret"))
        let first = try #require(call.requests.first)
        let challenge = SIPHeaderField(
            name: "WWW-Authenticate", value: "Digest realm=\"biloxi\", nonce=\"dcd98b7102dd2f0e\", qop=\"auth\", algorithm=MD5")
        call.receive(response: M.response(401, to: first, extra: [challenge]))
        let retry = try #require(call.requests.last)
        #expect(call.requests.count == 2)
        #expect(retry.cseq.sequenceNumber == 2)
        #expect(retry.callID == first.callID)
        #expect(retry.from.tag == first.from.tag)
        #expect(retry.topVia?.branch != first.topVia?.branch)
        let authorization = try #require(retry.headers[.authorization])
        #expect(authorization.contains("username=\"parley\""))
        #expect(authorization.contains("realm=\"biloxi\""))
        #expect(retry.body == first.body)
        call.receive(response: M.response(407, to: retry, extra: [
            SIPHeaderField(name: "Proxy-Authenticate", value: "Digest realm=\"biloxi\", nonce=\"x2\", algorithm=MD5"),
        ]))
        #expect(call.requests.count == 2)
        #expect(call.events.last == .terminated(.rejected(statusCode: 407, reasonPhrase: "Proxy Authentication Required")))
    }

    @Test func busyEndsTheCallWithItsReason() throws {
        var call = Self.outgoing(offer: try M.sdp(host: "192.0.2.10"))
        call.receive(response: M.response(486, to: call.requests[0]))
        #expect(call.events == [.terminated(.rejected(statusCode: 486, reasonPhrase: "Busy Here"))])
        #expect(call.acks.isEmpty, "the transaction layer acknowledges a non-2xx (RFC 3261 §17.1.1.3)")
    }

    /// RFC 3261 §9.1: no CANCEL before a provisional response; 487 ends the call as cancelled.
    @Test func cancelWaitsForAProvisionalResponse() throws {
        var call = Self.outgoing(offer: try M.sdp(host: "192.0.2.10"))
        let invite = call.requests[0]
        call.run { $0.hangUp() }
        #expect(call.requests.count == 1)
        call.receive(response: M.response(180, to: invite))
        let cancel = try #require(call.requests.last)
        #expect(cancel.method == .cancel)
        #expect(cancel.topVia?.branch == invite.topVia?.branch)
        call.receive(response: M.response(487, to: invite))
        #expect(call.events.last == .terminated(.cancelled))
    }

    /// A 2xx that crosses the CANCEL is acknowledged and ended with BYE (RFC 3261 §9.1, §15).
    @Test func twoHundredAfterCancelIsHungUp() throws {
        var call = Self.outgoing(offer: try M.sdp(host: "192.0.2.10"))
        let invite = call.requests[0]
        call.receive(response: M.response(180, to: invite))
        call.run { $0.cancel() }
        call.receive(response: M.response(200, to: invite, sdp: try M.sdp()))
        #expect(call.acks.count == 1)
        let bye = try #require(call.requests.last)
        #expect(bye.method == .bye)
        call.receive(response: M.response(200, to: bye))
        #expect(call.events.last == .terminated(.cancelled))
    }

    /// RFC 3264 §4: without an offer in the INVITE, the 2xx offers and the ACK answers.
    @Test func offerIn2xxIsAnsweredInTheACK() throws {
        var call = Self.outgoing(offer: nil)
        #expect(call.requests[0].body.isEmpty)
        call.receive(response: M.response(200, to: call.requests[0], sdp: try M.sdp()))
        #expect(call.events == [.offerReceived(try M.sdp())])
        #expect(call.acks.isEmpty)
        let answer = try M.sdp(host: "192.0.2.10")
        call.run { $0.answer(sdp: answer) }
        let ack = try #require(call.acks.first)
        #expect(String(decoding: ack.body, as: UTF8.self) == answer.serialized())
        #expect(call.events.last == .established)
    }

    /// RFC 3261 §12.2.1.2: a 481 to an in-dialog request ends the dialog.
    @Test func reInviteAnswered481EndsTheCall() throws {
        var call = Self.outgoing(offer: try M.sdp(host: "192.0.2.10"))
        call.receive(response: M.response(200, to: call.requests[0], sdp: try M.sdp()))
        call.run { $0.modify(sdp: try! M.sdp(version: 2, direction: "sendonly", host: "192.0.2.10")) }
        let reinvite = try #require(call.requests.last)
        #expect(reinvite.cseq.sequenceNumber == 2)
        #expect(reinvite.to.tag == M.phoneTag)
        call.receive(response: M.response(481, to: reinvite))
        #expect(call.events.last == .terminated(.dialogLost(statusCode: 481)))
    }
}
