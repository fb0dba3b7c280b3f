import SIPCore
import Testing

/// RFC 3261 §17.2.1 and RFC 6026 §7.1, driven on a mock clock.
@Suite struct ServerInviteTransactionTests {
    /// §17.2.1: without a response from the TU within 200 ms the transaction sends 100 (Trying)
    /// itself; a retransmitted INVITE gets it at once; a TU that answers in time spares it.
    @Test func tryingGoesOutWhenTheTransactionUserIsSlowOrTheInviteIsRetransmitted() throws {
        let invite = try TransactionTestMessages.invite()
        var slow = ServerInviteTransaction(request: invite, isReliable: false)
        var recorder = TransactionRecorder()
        recorder.apply(slow.start())
        #expect(recorder.delivered.map { $0.message.method } == [.invite])
        #expect(recorder.sent.isEmpty)
        recorder.run(until: .milliseconds(300)) { slow.timerFired($0) }
        #expect(recorder.sentSummaries == ["100"])
        #expect(recorder.sendTimes == [200])
        let trying = try #require(recorder.sent.first?.message)
        #expect(trying.to.tag == nil)
        #expect(trying.headers["Timestamp"] == "54")
        #expect(trying.headers.values(.via) == invite.headers.values(.via))
        #expect(slow.state == .proceeding)

        var retransmitted = ServerInviteTransaction(request: invite, isReliable: false)
        var early = TransactionRecorder()
        early.apply(retransmitted.start())
        early.run(until: .milliseconds(100)) { retransmitted.timerFired($0) }
        early.apply(retransmitted.receive(invite))
        early.run(until: .seconds(1)) { retransmitted.timerFired($0) }
        #expect(early.sentSummaries == ["100"])
        #expect(early.sendTimes == [100])

        var prompt = ServerInviteTransaction(request: invite, isReliable: false)
        var answered = TransactionRecorder()
        answered.apply(prompt.start())
        answered.run(until: .milliseconds(50)) { prompt.timerFired($0) }
        answered.apply(prompt.send(TransactionTestMessages.response(200, to: invite)))
        answered.run(until: .seconds(1)) { prompt.timerFired($0) }
        #expect(answered.sentSummaries == ["200"])
        #expect(answered.clock.pendingTimers == [.l])
    }

    @Test func rejectionIsRetransmittedOnTimerGUntilTimerH() throws {
        let invite = try TransactionTestMessages.invite()
        var transaction = ServerInviteTransaction(request: invite, isReliable: false)
        var recorder = TransactionRecorder()
        _ = transaction.start()
        recorder.apply(transaction.send(TransactionTestMessages.response(486, to: invite)))
        #expect(transaction.state == .completed)
        recorder.run(until: .seconds(100)) { transaction.timerFired($0) }

        #expect(recorder.sendTimes == [0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500])
        #expect(recorder.sentSummaries.allSatisfy { $0 == "486" })
        #expect(recorder.timedOutAt == .seconds(32))
        #expect(recorder.terminatedAt == .seconds(32))
    }

    @Test func acknowledgementConfirmsAndTimerIAbsorbsAckRetransmissions() throws {
        let invite = try TransactionTestMessages.invite()
        var transaction = ServerInviteTransaction(request: invite, isReliable: false)
        var recorder = TransactionRecorder()
        _ = transaction.start()
        let busy = TransactionTestMessages.response(486, to: invite)
        recorder.apply(transaction.send(busy))
        recorder.run(until: .seconds(2)) { transaction.timerFired($0) }
        let ack = SIPMessage(acknowledging: busy, of: invite)
        #expect(TransactionKey.server(for: ack) == transaction.key)
        recorder.apply(transaction.receive(ack))
        #expect(transaction.state == .confirmed)
        #expect(recorder.clock.pendingTimers == [.i])

        recorder.run(until: .seconds(3)) { transaction.timerFired($0) }
        recorder.apply(transaction.receive(ack))
        recorder.apply(transaction.receive(invite))
        recorder.run(until: .seconds(100)) { transaction.timerFired($0) }

        #expect(recorder.sendTimes == [0, 500, 1500])
        #expect(recorder.delivered.isEmpty)
        #expect(recorder.timedOutAt == nil)
        #expect(recorder.terminatedAt == .seconds(7))
    }

    @Test func reliableTransportSendsRejectionOnceAndEndsOnAck() throws {
        let invite = try TransactionTestMessages.invite(transport: "TCP")
        var transaction = ServerInviteTransaction(request: invite, isReliable: true)
        var recorder = TransactionRecorder()
        _ = transaction.start()
        let busy = TransactionTestMessages.response(486, to: invite)
        recorder.apply(transaction.send(busy))
        #expect(recorder.clock.pendingTimers == [.h])
        recorder.run(until: .seconds(1)) { transaction.timerFired($0) }
        recorder.apply(transaction.receive(SIPMessage(acknowledging: busy, of: invite)))

        #expect(recorder.sendTimes == [0])
        #expect(recorder.terminatedAt == .seconds(1))
        #expect(transaction.state == .terminated)
    }

    @Test func retransmittedInviteGetsTheLastResponseAgain() throws {
        let invite = try TransactionTestMessages.invite()
        var transaction = ServerInviteTransaction(request: invite, isReliable: false)
        var recorder = TransactionRecorder()
        recorder.apply(transaction.start())
        recorder.apply(transaction.receive(invite))
        recorder.apply(transaction.send(TransactionTestMessages.response(180, to: invite)))
        recorder.apply(transaction.receive(invite))
        recorder.apply(transaction.send(TransactionTestMessages.response(480, to: invite)))
        recorder.apply(transaction.receive(invite))

        #expect(recorder.sentSummaries == ["100", "180", "180", "480", "480"])
        // Retransmissions are never passed up (§17.2.1): the TU saw the INVITE once.
        #expect(recorder.delivered.count == 1)
    }

    @Test func successMovesToAcceptedWhereTheTransactionUserOwnsThe2xx() throws {
        let invite = try TransactionTestMessages.invite()
        var transaction = ServerInviteTransaction(request: invite, isReliable: false)
        var recorder = TransactionRecorder()
        recorder.apply(transaction.start())
        let ok = TransactionTestMessages.response(200, to: invite)
        recorder.apply(transaction.send(ok))
        #expect(transaction.state == .accepted)
        #expect(recorder.clock.pendingTimers == [.l])

        // RFC 6026 §7.1: INVITE retransmissions are absorbed, the TU's 2xx retransmissions pass
        // through, and the ACK (here one reusing the INVITE's branch) goes up to the TU.
        recorder.run(until: .milliseconds(500)) { transaction.timerFired($0) }
        recorder.apply(transaction.receive(invite))
        recorder.apply(transaction.send(ok))
        recorder.run(until: .seconds(1)) { transaction.timerFired($0) }
        let ack = SIPMessage(
            request: .ack, uri: try #require(invite.contacts.first?.uri), via: try #require(invite.topVia),
            from: invite.from, to: ok.to, callID: invite.callID, sequenceNumber: invite.cseq.sequenceNumber)
        #expect(TransactionKey.server(for: ack) == transaction.key)
        recorder.apply(transaction.receive(ack))
        recorder.run(until: .seconds(100)) { transaction.timerFired($0) }

        #expect(recorder.sentSummaries == ["200", "200"])
        #expect(recorder.sendTimes == [0, 500])
        #expect(recorder.delivered.map { $0.message.method } == [.invite, .ack])
        #expect(recorder.deliverTimes == [0, 1000])
        #expect(recorder.terminatedAt == .seconds(32))
        #expect(recorder.timedOutAt == nil)
    }

    @Test func transportFailureInAcceptedOnlyInformsTheTransactionUser() throws {
        let invite = try TransactionTestMessages.invite()
        var transaction = ServerInviteTransaction(request: invite, isReliable: false)
        var recorder = TransactionRecorder()
        recorder.apply(transaction.start())
        recorder.apply(transaction.send(TransactionTestMessages.response(200, to: invite)))
        recorder.apply(transaction.transportFailed())

        #expect(recorder.transportFailures == 1)
        #expect(recorder.terminatedAt == nil)
        #expect(recorder.clock.pendingTimers == [.l])
        #expect(transaction.state == .accepted)
    }

    @Test func transportFailureInCompletedEndsTheTransaction() throws {
        let invite = try TransactionTestMessages.invite()
        var transaction = ServerInviteTransaction(request: invite, isReliable: false)
        var recorder = TransactionRecorder()
        _ = transaction.start()
        recorder.apply(transaction.send(TransactionTestMessages.response(500, to: invite)))
        recorder.apply(transaction.transportFailed())

        #expect(recorder.transportFailures == 1)
        #expect(recorder.terminatedAt == .zero)
        #expect(recorder.clock.pendingTimers.isEmpty)
        #expect(transaction.state == .terminated)
    }
}
