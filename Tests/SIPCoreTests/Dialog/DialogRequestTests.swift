import SIPCore
import Testing

/// Requests built within a dialog (RFC 3261 §12.2.1.1) and the ACK of a 2xx (§13.2.2.4).
@Suite struct DialogRequestTests {
    typealias Messages = DialogTestMessages

    /// Alice's confirmed dialog with Bob, through ss1 then ss2.
    func aliceDialog(invite: SIPMessage) throws -> Dialog {
        try Dialog(uacRequest: invite, response: Messages.responseToAlice("200 OK"))
    }

    @Test func looseRoutingSendsToRemoteTargetThroughRouteSet() throws {
        var dialog = try aliceDialog(invite: Messages.aliceInvite())
        let via = Messages.via(branch: "z9hG4bKnashds7")
        let bye = dialog.makeRequest(method: .bye, via: via)

        // What goes on the wire, read back as a peer would.
        let wire = try SIPMessage(parsing: bye.serialized())
        #expect(wire.method == .bye)
        #expect(wire.requestURI?.description == "sip:bob@client.biloxi.example.com")
        #expect(wire.headers.splitValues(.route) == ["<sip:ss1.atlanta.example.com;lr>", "<sip:ss2.biloxi.example.com;lr>"])
        #expect(wire.from.uri.description == "sip:alice@atlanta.example.com")
        #expect(wire.from.tag == Messages.aliceTag)
        #expect(wire.to.uri.description == "sip:bob@biloxi.example.com")
        #expect(wire.to.tag == Messages.bobTag)
        #expect(wire.callID == Messages.callID)
        #expect(wire.cseq == SIPCSeq(sequenceNumber: 2, method: .bye))
        #expect(wire.topVia == via)
        #expect(wire.maxForwards == 70)
        #expect(wire.contacts.isEmpty)
        #expect(DialogID(incomingRequest: wire) == DialogID(callID: Messages.callID, localTag: Messages.bobTag, remoteTag: Messages.aliceTag))
        #expect(dialog.state == .terminated)
    }

    @Test func strictRouterBecomesRequestURIAndRemoteTargetTheLastRoute() throws {
        let invite = try Messages.inviteAtParley(
            recordRoute: "<sip:strict.biloxi.example.com;method=INVITE>, <sip:ss1.atlanta.example.com;lr>")
        var dialog = try Dialog(uasRequest: invite, response: Messages.parleyResponse(to: invite), initialLocalSequenceNumber: 100)
        let info = dialog.makeRequest(method: .info, via: Messages.via(branch: "z9hG4bKstrict1"))

        #expect(info.requestURI?.description == "sip:strict.biloxi.example.com")
        #expect(
            info.headers.splitValues(.route) == ["<sip:ss1.atlanta.example.com;lr>", "<sip:alice@client.atlanta.example.com>"])
        #expect(info.cseq == SIPCSeq(sequenceNumber: 100, method: .info))
    }

    @Test func emptyRouteSetSendsNoRoute() throws {
        let invite = try Messages.aliceInvite()
        var dialog = try Dialog(uacRequest: invite, response: Messages.responseToAlice("200 OK", recordRoute: []))
        let info = dialog.makeRequest(method: .info, via: Messages.via(branch: "z9hG4bKnoroute"))
        #expect(info.headers.count(of: .route) == 0)
        #expect(info.requestURI?.description == "sip:bob@client.biloxi.example.com")
    }

    @Test func sequenceNumbersIncreaseByOneAndTargetRefreshesCarryContact() throws {
        var dialog = try aliceDialog(invite: Messages.aliceInvite())
        let info = dialog.makeRequest(
            method: .info, via: Messages.via(branch: "z9hG4bK1"),
            headers: [SIPHeaderField(name: "Info-Package", value: "dtmf")], body: Array("Signal=5\r\n".utf8),
            contentType: "application/dtmf-relay")
        #expect(info.cseq.sequenceNumber == 2)
        #expect(info.contacts.isEmpty)
        #expect(info.headers["Info-Package"] == "dtmf")
        #expect(info.contentType == "application/dtmf-relay")
        #expect(info.body == Array("Signal=5\r\n".utf8))

        dialog.localTarget = try SIPURI(parsing: "sip:alice@198.51.100.7:5070")
        let reinvite = dialog.makeRequest(method: .invite, via: Messages.via(branch: "z9hG4bK2"))
        #expect(reinvite.cseq == SIPCSeq(sequenceNumber: 3, method: .invite))
        #expect(reinvite.contacts.map(\.uri.description) == ["sip:alice@198.51.100.7:5070"])

        let update = dialog.makeRequest(method: .update, via: Messages.via(branch: "z9hG4bK3"))
        #expect(update.cseq == SIPCSeq(sequenceNumber: 4, method: .update))
        #expect(update.contacts.count == 1)
        #expect(dialog.localSequenceNumber == 4)
        #expect(dialog.state == .confirmed)
    }

    @Test func uasFirstRequestUsesInjectedNumber() throws {
        let invite = try Messages.inviteAtParley()
        var dialog = try Dialog(uasRequest: invite, response: Messages.parleyResponse(to: invite), initialLocalSequenceNumber: 7001)
        let first = dialog.makeRequest(method: .info, via: Messages.via(branch: "z9hG4bKu1"))
        let second = dialog.makeRequest(method: .bye, via: Messages.via(branch: "z9hG4bKu2"))
        #expect(first.cseq.sequenceNumber == 7001)
        #expect(second.cseq.sequenceNumber == 7002)
        // At the UAS, From is Parley (local) and To is Alice (remote).
        #expect(second.from.tag == "parley-1")
        #expect(second.to.tag == Messages.aliceTag)
        #expect(second.requestURI?.description == "sip:alice@client.atlanta.example.com")
        #expect(second.headers.splitValues(.route) == ["<sip:ss2.biloxi.example.com;lr>", "<sip:ss1.atlanta.example.com;lr>"])
    }

    @Test func ackFor2xxKeepsTheInviteNumberAndCredentials() throws {
        let invite = try Messages.aliceInvite()
        var dialog = try aliceDialog(invite: invite)
        let ack = dialog.makeACK(for2xxTo: invite, via: Messages.via(branch: "z9hG4bKack1"))
        #expect(ack.method == .ack)
        #expect(ack.cseq == SIPCSeq(sequenceNumber: 1, method: .ack))
        #expect(ack.headers[.proxyAuthorization] == invite.headers[.proxyAuthorization])
        #expect(ack.headers[.proxyAuthorization] != nil)
        #expect(ack.requestURI?.description == "sip:bob@client.biloxi.example.com")
        #expect(ack.headers.splitValues(.route).count == 2)
        #expect(ack.contacts.isEmpty)

        // A re-INVITE later: its ACK takes its number, and the next request continues after it.
        let reinvite = dialog.makeRequest(method: .invite, via: Messages.via(branch: "z9hG4bKre1"))
        let reACK = dialog.makeACK(for2xxTo: reinvite, via: Messages.via(branch: "z9hG4bKack2"))
        #expect(reACK.cseq == SIPCSeq(sequenceNumber: 2, method: .ack))
        #expect(reACK.headers[.proxyAuthorization] == nil)
        #expect(dialog.localSequenceNumber == 2)
        #expect(dialog.makeRequest(method: .bye, via: Messages.via(branch: "z9hG4bKbye")).cseq.sequenceNumber == 3)
    }

    @Test func ackAndCancelThroughMakeRequestDoNotAdvanceTheNumber() throws {
        var dialog = try aliceDialog(invite: Messages.aliceInvite())
        let ack = dialog.makeRequest(method: .ack, via: Messages.via(branch: "z9hG4bKa"))
        #expect(ack.cseq == SIPCSeq(sequenceNumber: 1, method: .ack))
        #expect(dialog.localSequenceNumber == 1)
    }
}
