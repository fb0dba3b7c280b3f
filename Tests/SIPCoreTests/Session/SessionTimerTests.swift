import SIPCore
import SIPTesting
import Testing

/// Session timers (RFC 4028): 422 both ways, the refresher choice, refresh by UPDATE or
/// re-INVITE at half the interval, and BYE at SE − min(32, SE/3) without a refresh.
struct SessionTimerTests {
    typealias M = SessionTestMessages

    static func configuration(_ timers: SessionTimerConfiguration) -> InviteSessionConfiguration {
        var configuration = InviteSessionHarness.configuration
        configuration.sessionTimers = timers
        return configuration
    }

    /// A confirmed call this side answered and refreshes (every 300 s of a 600 s interval), with
    /// `method` and `accepts501` as configured, and the peer's `allow` header if any; at the first refresh.
    static func refresherAtFirstRefresh(
        method: SessionRefreshMethod, accepts501: Bool = true, allow: String? = nil
    ) throws -> InviteSessionHarness {
        var call = try InviteSessionUASTests.incoming(
            configuration: configuration(.init(
                sessionExpires: 600, prefersToRefresh: true, refreshMethod: method, treatsNotImplementedAsRefreshed: accepts501)),
            extra: ["Supported: timer"] + (allow.map { ["Allow: \($0)"] } ?? []))
        call.run { $0.answer(sdp: try! M.sdp(host: "192.0.2.10")) }
        call.receive(try M.request("ACK", cseq: 1, toTag: "parley1", branch: "z9hG4bKack1"))
        _ = call.advance(to: .seconds(300))
        return call
    }

    @Test func tooSmallIntervalIsAnswered422WithMinSE() throws {
        let call = try InviteSessionUASTests.incoming(
            configuration: Self.configuration(.init(minimumSessionExpires: 120)),
            extra: ["Supported: timer", "Session-Expires: 100"])
        let response = try #require(call.responses.first)
        #expect(response.statusCode == 422)
        #expect(response.headers[.minSE] == "120")
        #expect(call.events == [.terminated(.rejected(statusCode: 422, reasonPhrase: "Session Interval Too Small"))])
    }

    /// The UAC asked for 1800 s and left the refresher open: it refreshes, this side watches
    /// and sends BYE at 1800 − 32 = 1768 s.
    @Test func uasWatchesAndHangsUpWhenNoRefreshComes() throws {
        var call = try InviteSessionUASTests.incoming(
            configuration: Self.configuration(.init()), extra: ["Supported: timer", "Session-Expires: 1800"])
        call.run { $0.answer(sdp: try! M.sdp(host: "192.0.2.10")) }
        let ok = try #require(call.responses.last)
        #expect(ok.headers[.sessionExpires] == "1800;refresher=uac")
        #expect(ok.headers.splitValues(.require) == ["timer"])
        call.receive(try M.request("ACK", cseq: 1, toTag: "parley1", branch: "z9hG4bKack1"))
        #expect(call.clock.deadline(of: .sessionExpiry) == .seconds(1768))
        // A refresh UPDATE at 900 s moves the deadline to 900 + 1768 s.
        _ = call.advance(to: .seconds(900))
        call.receive(try M.request(
            "UPDATE", cseq: 2, toTag: "parley1", extra: ["Supported: timer", "Session-Expires: 1800;refresher=uac"],
            branch: "z9hG4bKupd1"))
        #expect(call.responses.last?.statusCode == 200)
        #expect(call.responses.last?.headers[.sessionExpires] == "1800;refresher=uac")
        #expect(call.clock.deadline(of: .sessionExpiry) == .seconds(2668))
        _ = call.advance(to: .seconds(2668))
        #expect(call.requests.last?.method == .bye)
        call.receive(response: M.response(200, to: call.requests.last!))
        #expect(call.events.last == .terminated(.sessionExpired))
    }

    /// With the RFC's smallest interval, 90 s, the non-refresher gives up at 90 − 30 = 60 s.
    @Test func expiryOfNinetySecondsIsAtSixty() throws {
        var call = try InviteSessionUASTests.incoming(
            configuration: Self.configuration(.init(sessionExpires: 90)), extra: ["Supported: timer", "Session-Expires: 90"])
        call.run { $0.answer(sdp: try! M.sdp(host: "192.0.2.10")) }
        #expect(call.clock.deadline(of: .sessionExpiry) == .seconds(60))
    }

    /// This side prefers to refresh and the peer allows UPDATE: UPDATE at SE/2 with itself as refresher.
    @Test func refresherSendsUpdateAtHalfTheInterval() throws {
        var call = try InviteSessionUASTests.incoming(
            configuration: Self.configuration(.init(sessionExpires: 600, prefersToRefresh: true)),
            extra: ["Supported: timer", "Allow: INVITE, ACK, BYE, CANCEL, UPDATE"])
        call.run { $0.answer(sdp: try! M.sdp(host: "192.0.2.10")) }
        #expect(call.responses.last?.headers[.sessionExpires] == "600;refresher=uas")
        call.receive(try M.request("ACK", cseq: 1, toTag: "parley1", branch: "z9hG4bKack1"))
        _ = call.advance(to: .seconds(300))
        let update = try #require(call.requests.last)
        #expect(update.method == .update)
        #expect(update.body.isEmpty)
        #expect(update.headers[.sessionExpires] == "600;refresher=uac")
        var ok = M.response(200, to: update, extra: [
            SIPHeaderField(name: "Session-Expires", value: "600;refresher=uac"), SIPHeaderField(name: "Require", value: "timer"),
        ])
        ok.contacts = []
        call.receive(response: ok)
        #expect(call.clock.deadline(of: .sessionRefresh) == .seconds(600))
        #expect(call.events.last == .established, "a refresh reports nothing")
    }

    /// A peer without UPDATE in Allow is refreshed by re-INVITE with the unchanged SDP (RFC 4028 §7.4).
    @Test func refresherFallsBackToReInvite() throws {
        var call = try InviteSessionUASTests.incoming(
            configuration: Self.configuration(.init(sessionExpires: 600, prefersToRefresh: true)),
            extra: ["Supported: timer", "Allow: INVITE, ACK, BYE, CANCEL"])
        let local = try M.sdp(host: "192.0.2.10")
        call.run { $0.answer(sdp: local) }
        call.receive(try M.request("ACK", cseq: 1, toTag: "parley1", branch: "z9hG4bKack1"))
        _ = call.advance(to: .seconds(300))
        let reinvite = try #require(call.requests.last)
        #expect(reinvite.method == .invite)
        #expect(String(decoding: reinvite.body, as: UTF8.self) == local.serialized())
        call.receive(response: M.response(200, to: reinvite, sdp: try M.sdp(), extra: [
            SIPHeaderField(name: "Session-Expires", value: "600;refresher=uac"),
        ]))
        #expect(call.acks.last?.cseq.sequenceNumber == reinvite.cseq.sequenceNumber)
        #expect(call.clock.deadline(of: .sessionRefresh) == .seconds(600))
    }

    /// RFC 4028 §7.4: a 422 is retried once with the larger Min-SE, keeping Call-ID and tag.
    @Test func uacRetries422WithTheLargerInterval() throws {
        var call = InviteSessionUACTests.outgoing(
            offer: try M.sdp(host: "192.0.2.10"), configuration: Self.configuration(.init(sessionExpires: 90)))
        let first = call.requests[0]
        #expect(first.headers[.sessionExpires] == "90")
        #expect(first.headers[.minSE] == "90")
        #expect(first.headers.splitValues(.supported) == ["timer"])
        call.receive(response: M.response(422, to: first, extra: [SIPHeaderField(name: "Min-SE", value: "300")]))
        let retry = try #require(call.requests.last)
        #expect(retry.cseq.sequenceNumber == 2)
        #expect(retry.headers[.sessionExpires] == "300")
        #expect(retry.headers[.minSE] == "300")
        call.receive(response: M.response(200, to: retry, sdp: try M.sdp(), extra: [
            SIPHeaderField(name: "Session-Expires", value: "300;refresher=uac"),
        ]))
        #expect(call.clock.deadline(of: .sessionRefresh) == .seconds(150))
    }

    /// SEMS `maximum_timer`: a 422 asking for more than this UA accepts ends the call instead.
    @Test func uacRefusesA422AboveItsMaximum() throws {
        var call = InviteSessionUACTests.outgoing(
            offer: try M.sdp(host: "192.0.2.10"),
            configuration: Self.configuration(.init(sessionExpires: 90, maximumSessionExpires: 900)))
        call.receive(response: M.response(422, to: call.requests[0], extra: [SIPHeaderField(name: "Min-SE", value: "1200")]))
        #expect(call.requests.count == 1, "no retry with an interval above maximum_timer")
        #expect(call.events.last == .terminated(.rejected(statusCode: 422, reasonPhrase: "Session Interval Too Small")))
    }

    /// `session_refresh_method=INVITE`: a re-INVITE although the peer allows UPDATE.
    @Test func refreshMethodInviteIgnoresAllowedUpdate() throws {
        let call = try Self.refresherAtFirstRefresh(method: .invite, allow: "INVITE, ACK, BYE, CANCEL, UPDATE")
        #expect(call.requests.last?.method == .invite)
    }

    /// `session_refresh_method=UPDATE`: an UPDATE although the peer's Allow omits it; its 501 counts
    /// as a refresh (`accept_501_reply=yes`), so the session goes on.
    @Test func refreshByUpdateAccepts501() throws {
        var call = try Self.refresherAtFirstRefresh(method: .update, allow: "INVITE, ACK, BYE, CANCEL")
        let update = try #require(call.requests.last)
        #expect(update.method == .update)
        var notImplemented = M.response(501, to: update)
        notImplemented.contacts = []
        call.receive(response: notImplemented)
        #expect(call.clock.deadline(of: .sessionRefresh) == .seconds(600))
        _ = call.advance(to: .seconds(600))
        #expect(call.requests.last?.method == .update, "the next refresh is due, no BYE")
        #expect(!call.events.contains(.terminated(.sessionExpired)))
    }

    /// `accept_501_reply=no`: a 501 is a failed refresh, and the session expires without another.
    @Test func refreshRefused501WithoutAcceptExpires() throws {
        var call = try Self.refresherAtFirstRefresh(method: .update, accepts501: false)
        var notImplemented = M.response(501, to: try #require(call.requests.last))
        notImplemented.contacts = []
        call.receive(response: notImplemented)
        // The refresher gives up when the peer would: 600 − 32 s after the last refresh (RFC 4028 §10).
        #expect(call.clock.deadline(of: .sessionExpiry) == .seconds(568))
        _ = call.advance(to: .seconds(568))
        #expect(call.requests.last?.method == .bye)
    }

    /// The UAS names itself refresher: the UAC watches (BYE at 300 − 32 s).
    @Test func uacWatchesWhenTheUASRefreshes() throws {
        var call = InviteSessionUACTests.outgoing(
            offer: try M.sdp(host: "192.0.2.10"), configuration: Self.configuration(.init(sessionExpires: 300)))
        call.receive(response: M.response(200, to: call.requests[0], sdp: try M.sdp(), extra: [
            SIPHeaderField(name: "Session-Expires", value: "300;refresher=uas"),
        ]))
        #expect(call.clock.deadline(of: .sessionExpiry) == .seconds(268))
        #expect(call.clock.deadline(of: .sessionRefresh) == nil)
    }

    /// A refresh re-INVITE with the unchanged SDP version is answered at once with this side's
    /// description and restarts the watch (RFC 4028 §9, RFC 3264 §8); the user hears nothing of it.
    @Test func refreshReInviteIsAnsweredWithoutTheUser() throws {
        var call = try InviteSessionUASTests.incoming(
            configuration: Self.configuration(.init(sessionExpires: 120)), extra: ["Supported: timer", "Session-Expires: 120"])
        let local = try M.sdp(host: "192.0.2.10")
        call.run { $0.answer(sdp: local) }
        call.receive(try M.request("ACK", cseq: 1, toTag: "parley1", branch: "z9hG4bKack1"))
        let eventsBefore = call.events
        _ = call.advance(to: .seconds(60))
        call.receive(try M.request(
            "INVITE", cseq: 2, toTag: "parley1", sdp: M.sdp(), extra: ["Supported: timer", "Session-Expires: 120;refresher=uac"],
            branch: "z9hG4bKre2"))
        let ok = try #require(call.responses.last)
        #expect(ok.statusCode == 200)
        #expect(ok.cseq.sequenceNumber == 2)
        #expect(String(decoding: ok.body, as: UTF8.self) == local.serialized())
        #expect(ok.headers[.sessionExpires] == "120;refresher=uac")
        #expect(call.events == eventsBefore)
        // 120 − min(32, 40) = 88 s after the refresh.
        #expect(call.clock.deadline(of: .sessionExpiry) == .seconds(148))
    }
}

