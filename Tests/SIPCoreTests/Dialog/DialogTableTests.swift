import SIPCore
import Testing

/// Matching requests and responses to dialogs (RFC 3261 §12.2.2) and forking (§12.1.2, §13.2.2.4).
@Suite struct DialogTableTests {
    typealias Messages = DialogTestMessages

    /// The identifier of Parley's dialog with Alice.
    let parleyDialogID = DialogID(callID: Messages.callID, localTag: "parley-1", remoteTag: Messages.aliceTag)

    /// A table holding Parley's confirmed UAS dialog with Alice.
    func tableWithParleyDialog() throws -> DialogTable {
        let invite = try Messages.inviteAtParley()
        var table = DialogTable()
        table.insert(try Dialog(uasRequest: invite, response: Messages.parleyResponse(to: invite)))
        return table
    }

    @Test func unknownDialogIsAnswered481() throws {
        var table = try tableWithParleyDialog()
        let stray = try Messages.aliceInDialogRequest("BYE", cseq: 2, toTag: "no-such-tag")
        guard case .respond(let response) = table.receive(stray) else {
            Issue.record("a request for an unknown dialog must be answered")
            return
        }
        #expect(response.statusCode == 481)
        #expect(response.reasonPhrase == "Call/Transaction Does Not Exist")
        #expect(response.to.tag == "no-such-tag")
        #expect(response.cseq == stray.cseq)
        #expect(response.headers.values(.via) == stray.headers.values(.via))
    }

    @Test func unknownACKIsDiscardedAndCancelOrInitialRequestsAreNotForDialogs() throws {
        var table = try tableWithParleyDialog()
        guard case .discard = table.receive(try Messages.aliceInDialogRequest("ACK", cseq: 1, toTag: "no-such-tag")) else {
            Issue.record("a stray ACK must be discarded")
            return
        }
        guard case .outsideDialog = table.receive(try Messages.aliceInDialogRequest("CANCEL", cseq: 1, toTag: "no-such-tag"))
        else {
            Issue.record("CANCEL is matched by the transaction layer")
            return
        }
        guard case .outsideDialog = table.receive(try Messages.inviteAtParley()) else {
            Issue.record("a request without To tag is outside any dialog")
            return
        }
    }

    @Test func knownDialogGetsItsRequests() throws {
        var table = try tableWithParleyDialog()
        let id = parleyDialogID
        guard case .deliver(let deliveredID) = table.receive(try Messages.aliceInDialogRequest("INFO", cseq: 2)) else {
            Issue.record("an in-order request must be delivered")
            return
        }
        #expect(deliveredID == id)
        #expect(table[id]?.remoteSequenceNumber == 2)

        guard case .respond(let response) = table.receive(try Messages.aliceInDialogRequest("INFO", cseq: 1)) else {
            Issue.record("an out-of-order request must be answered")
            return
        }
        #expect(response.statusCode == 500)

        guard case .deliver = table.receive(try Messages.aliceInDialogRequest("BYE", cseq: 3)) else {
            Issue.record("BYE must be delivered")
            return
        }
        #expect(table[id]?.state == .terminated)
        #expect(table.remove(id) != nil)
        #expect(table.count == 0)
    }

    @Test func forkedEarlyDialogsAreKeptApartAndThe2xxPicksOne() throws {
        let invite = try Messages.aliceInvite()
        var table = DialogTable()
        #expect(try table.receive(Messages.responseToAlice("100 Trying", toTag: nil, contact: nil, recordRoute: []), to: invite) == nil)

        let fromDesk = try table.receive(
            Messages.responseToAlice("180 Ringing", toTag: "desk", contact: "<sip:bob@desk.biloxi.example.com>"), to: invite)
        let fromMobile = try table.receive(
            Messages.responseToAlice("183 Session Progress", toTag: "mobile", contact: "<sip:bob@mobile.biloxi.example.com>"),
            to: invite)
        let deskID = try #require(fromDesk)
        let mobileID = try #require(fromMobile)
        #expect(deskID != mobileID)
        #expect(table.dialogs(createdBy: invite).map(\.id.remoteTag) == ["desk", "mobile"])
        #expect(table.dialogs(createdBy: invite).allSatisfy { $0.state == .early })
        #expect(table[deskID]?.remoteTarget.host == "desk.biloxi.example.com")
        #expect(table[mobileID]?.remoteTarget.host == "mobile.biloxi.example.com")

        let answered = try table.receive(
            Messages.responseToAlice("200 OK", toTag: "mobile", contact: "<sip:bob@mobile.biloxi.example.com>"), to: invite)
        #expect(answered == mobileID)
        #expect(table[mobileID]?.state == .confirmed)
        #expect(table[deskID]?.state == .early)
    }

    @Test func finalFailureEndsEveryEarlyFork() throws {
        let invite = try Messages.aliceInvite()
        var table = DialogTable()
        try table.receive(Messages.responseToAlice("180 Ringing", toTag: "desk"), to: invite)
        try table.receive(Messages.responseToAlice("180 Ringing", toTag: "mobile"), to: invite)
        #expect(try table.receive(Messages.responseToAlice("480 Temporarily Unavailable", toTag: "proxy-made"), to: invite) == nil)
        #expect(table.dialogs(createdBy: invite).count == 2)
        #expect(table.dialogs(createdBy: invite).allSatisfy { $0.state == .terminated })
    }

    @Test func responsesToRequestsThatCreateNoDialogAreIgnored() throws {
        var options = try Messages.aliceInvite()
        options.startLine = .request(method: .options, uri: try SIPURI(parsing: "sip:bob@biloxi.example.com"))
        options.cseq = SIPCSeq(sequenceNumber: 1, method: .options)
        var table = DialogTable()
        var ok = SIPMessage(responseTo: options, statusCode: 200)
        ok.to.tag = "opt-tag"
        #expect(try table.receive(ok, to: options) == nil)
        #expect(table.count == 0)
    }

    @Test func inDialogResponsesReachTheirDialog() throws {
        let invite = try Messages.aliceInvite()
        var table = DialogTable()
        let id = try #require(try table.receive(Messages.responseToAlice("200 OK"), to: invite))
        let madeInfo = table[id]?.makeRequest(method: .info, via: Messages.via(branch: "z9hG4bKi"))
        let info = try #require(madeInfo)
        #expect(table[id]?.localSequenceNumber == 2)
        #expect(try table.receive(SIPMessage(responseTo: info, statusCode: 481), to: info) == id)
        #expect(table[id]?.state == .terminated)
    }
}
