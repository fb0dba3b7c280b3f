import SIPCore
import Testing

/// Dialog creation at the UAC (RFC 3261 §12.1.2) and at the UAS (§12.1.1).
@Suite struct DialogCreationTests {
    typealias Messages = DialogTestMessages

    @Test func uacEarlyDialogFrom180ReversesRecordRoute() throws {
        let invite = try Messages.aliceInvite()
        let ringing = try Messages.responseToAlice("180 Ringing")
        let dialog = try Dialog(uacRequest: invite, response: ringing)

        #expect(dialog.id == DialogID(callID: Messages.callID, localTag: Messages.aliceTag, remoteTag: Messages.bobTag))
        #expect(DialogID(incomingResponse: ringing) == dialog.id)
        #expect(dialog.state == .early)
        #expect(dialog.routeSet.map(\.uri.host) == ["ss1.atlanta.example.com", "ss2.biloxi.example.com"])
        #expect(dialog.remoteTarget.description == "sip:bob@client.biloxi.example.com")
        #expect(dialog.localTarget?.description == "sip:alice@client.atlanta.example.com;transport=udp")
        #expect(dialog.localURI.description == "\"Alice\" <sip:alice@atlanta.example.com>")
        #expect(dialog.remoteURI.description == "\"Bob\" <sip:bob@biloxi.example.com>")
        #expect(dialog.localSequenceNumber == 1)
        #expect(dialog.remoteSequenceNumber == nil)
        #expect(!dialog.isSecure)
    }

    @Test func uacConfirmedDialogFrom200() throws {
        let ok = try Messages.responseToAlice(
            "200 OK", contact: "<sip:bob@192.0.2.4>",
            recordRoute: ["<sip:ss2.biloxi.example.com;lr>, <sip:ss1.atlanta.example.com;lr>"])
        let dialog = try Dialog(uacRequest: Messages.aliceInvite(), response: ok)
        #expect(dialog.state == .confirmed)
        #expect(dialog.routeSet.map(\.description) == ["<sip:ss1.atlanta.example.com;lr>", "<sip:ss2.biloxi.example.com;lr>"])
        #expect(dialog.remoteTarget.description == "sip:bob@192.0.2.4")
    }

    @Test func earlyDialogIsConfirmedBy2xxOfTheSameTag() throws {
        let invite = try Messages.aliceInvite()
        var dialog = try Dialog(uacRequest: invite, response: Messages.responseToAlice("183 Session Progress"))

        // A 2xx from another fork (another To tag) leaves this dialog early.
        try dialog.receive(Messages.responseToAlice("200 OK", toTag: "other-fork"), to: invite)
        #expect(dialog.state == .early)

        // The 2xx of this fork confirms it; its Record-Route (now with a third proxy) and its
        // Contact replace what the 183 gave (RFC 3261 §13.2.2.4, §12.2.1.2).
        let ok = try Messages.responseToAlice(
            "200 OK", contact: "<sip:bob@192.0.2.4:5062>",
            recordRoute: [
                "<sip:edge.biloxi.example.com;lr>", "<sip:ss2.biloxi.example.com;lr>", "<sip:ss1.atlanta.example.com;lr>",
            ])
        try dialog.receive(ok, to: invite)
        #expect(dialog.state == .confirmed)
        #expect(dialog.routeSet.map(\.uri.host) == ["ss1.atlanta.example.com", "ss2.biloxi.example.com", "edge.biloxi.example.com"])
        #expect(dialog.remoteTarget.description == "sip:bob@192.0.2.4:5062")
    }

    @Test func provisionalResponseWithoutContactKeepsRequestURIAsTarget() throws {
        let dialog = try Dialog(uacRequest: Messages.aliceInvite(), response: Messages.responseToAlice("180 Ringing", contact: nil))
        #expect(dialog.remoteTarget.description == "sip:bob@biloxi.example.com")
    }

    @Test func uasDialogKeepsRecordRouteOrder() throws {
        let invite = try Messages.inviteAtParley()
        let ok = try Messages.parleyResponse(to: invite)
        let dialog = try Dialog(uasRequest: invite, response: ok, initialLocalSequenceNumber: 7001)

        #expect(dialog.id == DialogID(callID: Messages.callID, localTag: "parley-1", remoteTag: Messages.aliceTag))
        #expect(dialog.state == .confirmed)
        #expect(dialog.routeSet.map(\.uri.host) == ["ss2.biloxi.example.com", "ss1.atlanta.example.com"])
        #expect(dialog.remoteTarget.description == "sip:alice@client.atlanta.example.com")
        #expect(dialog.localTarget?.description == "sip:conf-4242@192.0.2.50:5060")
        #expect(dialog.localURI.uri.description == "sip:conf-4242@parley.example.com")
        #expect(dialog.localURI.tag == nil)
        #expect(dialog.remoteURI.description == "\"Alice\" <sip:alice@atlanta.example.com>")
        #expect(dialog.remoteSequenceNumber == 1)
        #expect(dialog.localSequenceNumber == nil)
    }

    @Test func uasDialogFrom180IsEarly() throws {
        let invite = try Messages.inviteAtParley()
        let dialog = try Dialog(uasRequest: invite, response: Messages.parleyResponse(to: invite, statusCode: 180))
        #expect(dialog.state == .early)
    }

    @Test func secureOnlyOverTLSWithSIPSRequestURI() throws {
        let sipsInvite = try Messages.aliceInvite(requestURI: "sips:bob@biloxi.example.com")
        let ok = try Messages.responseToAlice("200 OK")
        #expect(try Dialog(uacRequest: sipsInvite, response: ok, isOverTLS: true).isSecure)
        #expect(try !Dialog(uacRequest: sipsInvite, response: ok, isOverTLS: false).isSecure)
        #expect(try !Dialog(uacRequest: Messages.aliceInvite(), response: ok, isOverTLS: true).isSecure)

        let invite = try Messages.inviteAtParley(requestURI: "sips:conf-4242@parley.example.com")
        let answer = try Messages.parleyResponse(to: invite)
        #expect(try Dialog(uasRequest: invite, response: answer, isOverTLS: true).isSecure)
    }

    @Test func responsesThatCreateNoDialogThrow() throws {
        let invite = try Messages.aliceInvite()
        for response in [
            try Messages.responseToAlice("100 Trying", toTag: nil), try Messages.responseToAlice("180 Ringing", toTag: nil),
            try Messages.responseToAlice("486 Busy Here"),
        ] {
            let error = try #require(throws: DialogError.self) { try Dialog(uacRequest: invite, response: response) }
            #expect(error.code == .responseCreatesNoDialog)
        }
    }

    @Test func responseToAnotherRequestThrows() throws {
        let otherInvite = try Messages.aliceInvite().withCallID("another-call@atlanta.example.com")
        let error = try #require(throws: DialogError.self) {
            try Dialog(uacRequest: otherInvite, response: Messages.responseToAlice("200 OK"))
        }
        #expect(error.code == .responseDoesNotMatchRequest)
    }

    @Test func uasInviteWithoutContactThrows() throws {
        let invite = try Messages.inviteAtParley(contact: nil)
        let error = try #require(throws: DialogError.self) {
            try Dialog(uasRequest: invite, response: Messages.parleyResponse(to: invite))
        }
        #expect(error.code == .missingContact)
    }

    @Test func malformedRecordRouteThrows() throws {
        let invite = try Messages.inviteAtParley(recordRoute: "<sip:ss2.biloxi.example.com;lr")
        let error = try #require(throws: DialogError.self) {
            try Dialog(uasRequest: invite, response: Messages.parleyResponse(to: invite))
        }
        #expect(error.code == .malformedRecordRoute)
    }
}

extension SIPMessage {
    /// The same message with another Call-ID.
    fileprivate func withCallID(_ callID: String) -> SIPMessage {
        var copy = self
        copy.callID = callID
        return copy
    }
}
