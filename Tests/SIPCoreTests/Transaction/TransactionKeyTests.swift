import SIPCore
import SIPTesting
import Testing

/// RFC 3261 §17.1.3, §17.2.3 and §9.2 matching, with the RFC 2543 fallback.
@Suite struct TransactionKeyTests {
    @Test func responseFindsItsClientTransactionByBranchAndMethod() throws {
        let invite = try TransactionTestMessages.invite()
        let ringing = TransactionTestMessages.response(180, to: invite)
        let cancel = SIPMessage(cancelling: invite)
        let cancelOK = TransactionTestMessages.response(200, to: cancel)

        #expect(TransactionKey.client(for: ringing) == TransactionKey.client(for: invite))
        #expect(TransactionKey.client(for: cancelOK) == TransactionKey.client(for: cancel))
        #expect(TransactionKey.client(for: cancelOK) != TransactionKey.client(for: invite))
        let other = try TransactionTestMessages.invite(branch: "z9hG4bK74bfa")
        #expect(TransactionKey.client(for: TransactionTestMessages.response(180, to: other)) != TransactionKey.client(for: invite))
    }

    @Test func clientAndServerKeysNeverMix() throws {
        let invite = try TransactionTestMessages.invite()
        #expect(TransactionKey.client(for: invite) != TransactionKey.server(for: invite))
        #expect(TransactionKey.server(for: TransactionTestMessages.response(200, to: invite)) == nil)
    }

    @Test func serverKeyUsesBranchSentByAndMethod() throws {
        let invite = try TransactionTestMessages.invite()
        let key = try #require(TransactionKey.server(for: invite))
        #expect(key.method == .invite)
        #expect(TransactionKey.server(for: try TransactionTestMessages.invite()) == key)

        // sent-by is a host: case does not matter; another sent-by is another transaction.
        var shouting = invite
        shouting.topVia?.host = "PC33.ATLANTA.EXAMPLE.COM"
        #expect(TransactionKey.server(for: shouting) == key)
        var elsewhere = invite
        elsewhere.topVia?.host = "pc34.atlanta.example.com"
        #expect(TransactionKey.server(for: elsewhere) != key)

        // The ACK of a non-2xx belongs to the INVITE's transaction.
        let ack = SIPMessage(acknowledging: TransactionTestMessages.response(486, to: invite), of: invite)
        #expect(TransactionKey.server(for: ack) == key)
    }

    @Test func cancelKeyFindsTheInviteItTargets() throws {
        let invite = try TransactionTestMessages.invite()
        let cancel = SIPMessage(cancelling: invite)
        let inviteKey = TransactionKey.server(for: invite)

        #expect(TransactionKey.serverForCancel(cancel) == inviteKey)
        // The CANCEL is its own non-INVITE transaction (§9.2).
        #expect(TransactionKey.server(for: cancel) != inviteKey)
        #expect(TransactionKey.server(for: cancel)?.method == .cancel)
        #expect(TransactionKey.serverForCancel(invite) == nil)

        var table = TransactionTable<ServerInviteTransaction>(minimumCapacity: 16)
        table.insert(ServerInviteTransaction(request: invite, isReliable: false), for: try #require(inviteKey))
        let found = try #require(TransactionKey.serverForCancel(cancel).flatMap(table.lookup))
        #expect(found.request.callID == invite.callID)
    }

    @Test func rfc2543RequestMatchesByItsOwnFields() throws {
        let fixtures = try RFC4475Fixtures()
        let invite = try SIPMessage(parsing: try #require(fixtures["inv2543"]).bytes)
        let key = try #require(TransactionKey.server(for: invite))

        // A retransmission matches; the ACK of a rejection (with the To tag the UAS chose) matches too.
        #expect(TransactionKey.server(for: try SIPMessage(parsing: invite.serialized())) == key)
        let rejection = TransactionTestMessages.response(488, to: invite)
        #expect(TransactionKey.server(for: SIPMessage(acknowledging: rejection, of: invite)) == key)
        // The CANCEL of that INVITE finds it as well.
        #expect(TransactionKey.serverForCancel(SIPMessage(cancelling: invite)) == key)

        var nextRequest = invite
        nextRequest.cseq.sequenceNumber += 1
        #expect(TransactionKey.server(for: nextRequest) != key)
        var otherCall = invite
        otherCall.callID = "inv2543.1718@ift.client.example.com"
        #expect(TransactionKey.server(for: otherCall) != key)
    }

    @Test func bareMagicCookieIsNoRFC3261Branch() throws {
        // RFC 4475 §3.2.1: `branch=z9hG4bK` alone must not be taken as a transaction identifier, so
        // two unrelated requests carrying it stay apart.
        let fixtures = try RFC4475Fixtures()
        let options = try SIPMessage(parsing: try #require(fixtures["badbranch"]).bytes)
        #expect(options.topVia?.branch == "z9hG4bK")
        var unrelated = options
        unrelated.callID = "another.sadonfo23i420jv0as0derf3j3n"

        #expect(TransactionKey.server(for: options) == TransactionKey.server(for: try SIPMessage(parsing: options.serialized())))
        #expect(TransactionKey.server(for: unrelated) != TransactionKey.server(for: options))
    }
}
