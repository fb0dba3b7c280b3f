import SIPCore
import Testing

/// Requests and responses a dialog receives (RFC 3261 §12.2.1.2, §12.2.2, §12.3) and responses a
/// UAS sends in it.
@Suite struct DialogReceivingTests {
    typealias Messages = DialogTestMessages

    /// Parley's confirmed UAS dialog with Alice (remote sequence number 1).
    func parleyDialog() throws -> Dialog {
        let invite = try Messages.inviteAtParley()
        return try Dialog(uasRequest: invite, response: Messages.parleyResponse(to: invite))
    }

    @Test func outOfOrderRequestIsRejectedWith500() throws {
        var dialog = try parleyDialog()
        guard case .accept = dialog.receive(try Messages.aliceInDialogRequest("INFO", cseq: 5)) else {
            Issue.record("an in-order INFO must be accepted")
            return
        }
        #expect(dialog.remoteSequenceNumber == 5)

        let late = try Messages.aliceInDialogRequest("INFO", cseq: 4)
        guard case .reject(let response) = dialog.receive(late) else {
            Issue.record("an INFO with a lower CSeq must be rejected")
            return
        }
        #expect(response.statusCode == 500)
        #expect(response.cseq == late.cseq)
        #expect(response.to.tag == "parley-1")
        #expect(dialog.remoteSequenceNumber == 5)
        #expect(dialog.state == .confirmed)
    }

    @Test func firstRequestFromThePeerSetsTheRemoteNumber() throws {
        let invite = try Messages.aliceInvite()
        var dialog = try Dialog(uacRequest: invite, response: Messages.responseToAlice("200 OK"))
        #expect(dialog.remoteSequenceNumber == nil)
        var bobInfo = SIPMessage(
            request: .info, uri: try SIPURI(parsing: "sip:alice@client.atlanta.example.com"),
            via: SIPVia(transport: "UDP", host: "client.biloxi.example.com", parameters: [SIPParameter(name: "branch", value: "z9hG4bKb1")]),
            from: invite.to, to: invite.from, callID: Messages.callID, sequenceNumber: 31_000)
        bobInfo.from.tag = Messages.bobTag
        guard case .accept = dialog.receive(bobInfo) else {
            Issue.record("the peer's first request must be accepted")
            return
        }
        #expect(dialog.remoteSequenceNumber == 31_000)
    }

    @Test func reINVITEWithContactRefreshesTheRemoteTarget() throws {
        var dialog = try parleyDialog()
        _ = dialog.receive(try Messages.aliceInDialogRequest("INFO", cseq: 2, contact: "<sip:alice@203.0.113.9>"))
        #expect(dialog.remoteTarget.description == "sip:alice@client.atlanta.example.com", "INFO is no target refresh")

        _ = dialog.receive(try Messages.aliceInDialogRequest("INVITE", cseq: 3, contact: "<sip:alice@203.0.113.9:5090>"))
        #expect(dialog.remoteTarget.description == "sip:alice@203.0.113.9:5090")
        #expect(dialog.remoteSequenceNumber == 3)
    }

    @Test func updateWithContactRefreshesTheRemoteTarget() throws {
        var dialog = try parleyDialog()
        _ = dialog.receive(try Messages.aliceInDialogRequest("UPDATE", cseq: 2, contact: "<sip:alice@[2001:db8::9]:5060>"))
        #expect(dialog.remoteTarget.host == "2001:db8::9")
        #expect(dialog.remoteTarget.port == 5060)
    }

    @Test func byeTerminatesAndLaterRequestsGet481() throws {
        var dialog = try parleyDialog()
        guard case .accept = dialog.receive(try Messages.aliceInDialogRequest("BYE", cseq: 2)) else {
            Issue.record("BYE must be accepted")
            return
        }
        #expect(dialog.state == .terminated)

        guard case .reject(let response) = dialog.receive(try Messages.aliceInDialogRequest("INFO", cseq: 3)) else {
            Issue.record("a request after BYE must be rejected")
            return
        }
        #expect(response.statusCode == 481)
        guard case .discard = dialog.receive(try Messages.aliceInDialogRequest("ACK", cseq: 1)) else {
            Issue.record("an ACK after BYE must be discarded")
            return
        }
    }

    @Test func twoHundredToReINVITEAndUPDATERefreshTheRemoteTarget() throws {
        let invite = try Messages.aliceInvite()
        var dialog = try Dialog(uacRequest: invite, response: Messages.responseToAlice("200 OK"))
        let via = Messages.via(branch: "z9hG4bKr")

        let reinvite = dialog.makeRequest(method: .invite, via: via)
        var ok = SIPMessage(responseTo: reinvite, statusCode: 200)
        ok.contacts = [SIPNameAddress(uri: try SIPURI(parsing: "sip:bob@198.51.100.20"))]
        ok.appendHeader(.recordRoute, "<sip:newproxy.example.com;lr>")
        try dialog.receive(ok, to: reinvite)
        #expect(dialog.remoteTarget.description == "sip:bob@198.51.100.20")
        #expect(dialog.routeSet.count == 2, "a target refresh never changes the route set (RFC 3261 §12.2)")

        let update = dialog.makeRequest(method: .update, via: via)
        var updateOK = SIPMessage(responseTo: update, statusCode: 200)
        updateOK.contacts = [SIPNameAddress(uri: try SIPURI(parsing: "sip:bob@198.51.100.21"))]
        try dialog.receive(updateOK, to: update)
        #expect(dialog.remoteTarget.description == "sip:bob@198.51.100.21")

        let info = dialog.makeRequest(method: .info, via: via)
        var infoOK = SIPMessage(responseTo: info, statusCode: 200)
        infoOK.contacts = [SIPNameAddress(uri: try SIPURI(parsing: "sip:bob@198.51.100.22"))]
        try dialog.receive(infoOK, to: info)
        #expect(dialog.remoteTarget.description == "sip:bob@198.51.100.21")
    }

    @Test(arguments: [481, 408])
    func responseTerminatesTheDialog(statusCode: Int) throws {
        let invite = try Messages.aliceInvite()
        var dialog = try Dialog(uacRequest: invite, response: Messages.responseToAlice("200 OK"))
        let info = dialog.makeRequest(method: .info, via: Messages.via(branch: "z9hG4bKt"))
        try dialog.receive(SIPMessage(responseTo: info, statusCode: statusCode), to: info)
        #expect(dialog.state == .terminated)
    }

    @Test func otherFailureOfReINVITEKeepsTheDialog() throws {
        let invite = try Messages.aliceInvite()
        var dialog = try Dialog(uacRequest: invite, response: Messages.responseToAlice("200 OK"))
        let reinvite = dialog.makeRequest(method: .invite, via: Messages.via(branch: "z9hG4bKg"))
        try dialog.receive(SIPMessage(responseTo: reinvite, statusCode: 491), to: reinvite)
        #expect(dialog.state == .confirmed)
    }

    @Test func failedInviteEndsItsEarlyDialog() throws {
        let invite = try Messages.aliceInvite()
        var dialog = try Dialog(uacRequest: invite, response: Messages.responseToAlice("180 Ringing"))
        try dialog.receive(Messages.responseToAlice("486 Busy Here"), to: invite)
        #expect(dialog.state == .terminated)
    }

    @Test func timeoutTerminatesTheDialog() throws {
        var dialog = try parleyDialog()
        dialog.requestTimedOut()
        #expect(dialog.state == .terminated)
    }

    @Test func uasEarlyDialogIsConfirmedOrEndedByWhatItSends() throws {
        let invite = try Messages.inviteAtParley()
        var answered = try Dialog(uasRequest: invite, response: Messages.parleyResponse(to: invite, statusCode: 183))
        #expect(answered.state == .early)
        answered.send(try Messages.parleyResponse(to: invite, statusCode: 200), to: invite)
        #expect(answered.state == .confirmed)

        var declined = try Dialog(uasRequest: invite, response: Messages.parleyResponse(to: invite, statusCode: 180))
        declined.send(try Messages.parleyResponse(to: invite, statusCode: 603), to: invite)
        #expect(declined.state == .terminated)
    }
}
