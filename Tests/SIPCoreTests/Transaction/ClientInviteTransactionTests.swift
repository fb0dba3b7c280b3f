import SIPCore
import Testing

/// RFC 3261 §17.1.1 and RFC 6026 §7.2, driven on a mock clock.
@Suite struct ClientInviteTransactionTests {
    @Test func unansweredInviteOverUDPDoublesTimerAAndTimesOutWithTimerB() throws {
        var transaction = ClientInviteTransaction(request: try TransactionTestMessages.invite(), isReliable: false)
        var recorder = TransactionRecorder()
        recorder.apply(transaction.start())
        recorder.run(until: .seconds(100)) { transaction.timerFired($0) }

        #expect(recorder.sendTimes == [0, 500, 1500, 3500, 7500, 15500, 31500])
        #expect(recorder.sentSummaries.allSatisfy { $0 == "INVITE" })
        #expect(recorder.timedOutAt == .seconds(32))
        #expect(recorder.terminatedAt == .seconds(32))
        #expect(transaction.state == .terminated)
        #expect(recorder.delivered.isEmpty)
    }

    @Test func timerScheduleFollowsConfiguredT1() throws {
        let configuration = TransactionConfiguration(t1: .milliseconds(100))
        var transaction = ClientInviteTransaction(
            request: try TransactionTestMessages.invite(), isReliable: false, configuration: configuration)
        var recorder = TransactionRecorder()
        recorder.apply(transaction.start())
        recorder.run(until: .seconds(100)) { transaction.timerFired($0) }

        #expect(recorder.sendTimes == [0, 100, 300, 700, 1500, 3100, 6300])
        #expect(recorder.timedOutAt == .milliseconds(6400))
    }

    @Test func reliableTransportSendsOnceAndStillTimesOut() throws {
        var transaction = ClientInviteTransaction(
            request: try TransactionTestMessages.invite(transport: "TCP"), isReliable: true)
        var recorder = TransactionRecorder()
        recorder.apply(transaction.start())
        #expect(recorder.clock.pendingTimers == [.b])
        recorder.run(until: .seconds(100)) { transaction.timerFired($0) }

        #expect(recorder.sendTimes == [0])
        #expect(recorder.timedOutAt == .seconds(32))
    }

    @Test func provisionalResponseStopsRetransmissionsAndTimeout() throws {
        let invite = try TransactionTestMessages.invite()
        var transaction = ClientInviteTransaction(request: invite, isReliable: false)
        var recorder = TransactionRecorder()
        recorder.apply(transaction.start())
        recorder.run(until: .seconds(1)) { transaction.timerFired($0) }
        recorder.apply(transaction.receive(TransactionTestMessages.response(180, to: invite)))
        #expect(transaction.state == .proceeding)
        #expect(recorder.clock.pendingTimers.isEmpty)
        recorder.run(until: .seconds(200)) { transaction.timerFired($0) }

        #expect(recorder.sendTimes == [0, 500])
        #expect(recorder.timedOutAt == nil)
        #expect(recorder.delivered.map { $0.message.statusCode } == [180])
        #expect(transaction.state == .proceeding)
    }

    @Test func nonSuccessFinalResponseIsAcknowledgedByTheTransaction() throws {
        let invite = try TransactionTestMessages.invite()
        var transaction = ClientInviteTransaction(request: invite, isReliable: false)
        var recorder = TransactionRecorder()
        recorder.apply(transaction.start())
        recorder.run(until: .seconds(2)) { transaction.timerFired($0) }
        let busy = TransactionTestMessages.response(486, to: invite)
        recorder.apply(transaction.receive(busy))
        #expect(transaction.state == .completed)
        #expect(recorder.clock.deadline(of: .d) == .seconds(34))

        // A retransmitted 486 is absorbed: the ACK goes out again, the TU hears nothing more.
        recorder.run(until: .seconds(3)) { transaction.timerFired($0) }
        recorder.apply(transaction.receive(busy))
        recorder.run(until: .seconds(100)) { transaction.timerFired($0) }

        #expect(recorder.sentSummaries == ["INVITE", "INVITE", "INVITE", "ACK", "ACK"])
        #expect(recorder.sendTimes == [0, 500, 1500, 2000, 3000])
        #expect(recorder.delivered.map { $0.message.statusCode } == [486])
        #expect(recorder.timedOutAt == nil)
        #expect(recorder.terminatedAt == .seconds(34))
        let ack = try #require(recorder.sent.last?.message)
        #expect(ack.serialized() == recorder.sent[3].message.serialized())
    }

    @Test func acknowledgementCarriesTheFieldsOfSection17_1_1_3() throws {
        let invite = try TransactionTestMessages.invite()
        var transaction = ClientInviteTransaction(request: invite, isReliable: false)
        _ = transaction.start()
        let actions = transaction.receive(TransactionTestMessages.response(404, to: invite, toTag: "b5qt9xl3"))
        let sent = actions.compactMap { action -> SIPMessage? in
            if case .send(let message) = action { return message }
            return nil
        }
        let ack = try #require(sent.first)
        // Reparse what goes on the wire, so the check covers the serialized form.
        let wire = try SIPMessage(parsing: ack.serialized())

        #expect(wire.method == .ack)
        #expect(wire.requestURI == invite.requestURI)
        #expect(wire.callID == invite.callID)
        #expect(wire.headers[.from] == invite.headers[.from])
        #expect(wire.to.tag == "b5qt9xl3")
        #expect(wire.cseq == SIPCSeq(sequenceNumber: 314159, method: .ack))
        #expect(wire.headers.splitValues(.via) == ["SIP/2.0/UDP pc33.atlanta.example.com:5060;branch=z9hG4bK74bf9"])
        #expect(wire.headers.values(.route) == invite.headers.values(.route))
        #expect(wire.maxForwards == 70)
        #expect(wire.body.isEmpty)
        #expect(TransactionKey.server(for: wire) == TransactionKey.server(for: invite))
    }

    @Test func reliableTransportTerminatesRightAfterAcknowledging() throws {
        let invite = try TransactionTestMessages.invite(transport: "TCP")
        var transaction = ClientInviteTransaction(request: invite, isReliable: true)
        var recorder = TransactionRecorder()
        recorder.apply(transaction.start())
        recorder.apply(transaction.receive(TransactionTestMessages.response(603, to: invite)))

        #expect(recorder.sentSummaries == ["INVITE", "ACK"])
        #expect(recorder.terminatedAt == .zero)
        #expect(transaction.state == .terminated)
    }

    @Test func everySuccessResponseReachesTheTransactionUserUntilTimerM() throws {
        let invite = try TransactionTestMessages.invite()
        var transaction = ClientInviteTransaction(request: invite, isReliable: false)
        var recorder = TransactionRecorder()
        recorder.apply(transaction.start())
        recorder.run(until: .seconds(1)) { transaction.timerFired($0) }
        let ok = TransactionTestMessages.response(200, to: invite, toTag: "fork-one")
        recorder.apply(transaction.receive(ok))
        #expect(transaction.state == .accepted)
        #expect(recorder.clock.pendingTimers == [.m])

        // RFC 6026 §7.2: a retransmission and a second fork's 2xx are passed up too.
        recorder.run(until: .seconds(2)) { transaction.timerFired($0) }
        recorder.apply(transaction.receive(ok))
        recorder.apply(transaction.receive(TransactionTestMessages.response(200, to: invite, toTag: "fork-two")))
        // Late non-2xx responses are not for the TU any more.
        recorder.apply(transaction.receive(TransactionTestMessages.response(486, to: invite)))
        recorder.run(until: .seconds(100)) { transaction.timerFired($0) }

        #expect(recorder.deliverTimes == [1000, 2000, 2000])
        #expect(recorder.delivered.map { $0.message.to.tag } == ["fork-one", "fork-one", "fork-two"])
        // The ACK of a 2xx belongs to the dialog layer, never to the transaction.
        #expect(recorder.sentSummaries == ["INVITE", "INVITE"])
        #expect(recorder.terminatedAt == .seconds(33))
        #expect(recorder.timedOutAt == nil)
    }

    @Test func transportFailureEndsTheTransaction() throws {
        var transaction = ClientInviteTransaction(request: try TransactionTestMessages.invite(), isReliable: false)
        var recorder = TransactionRecorder()
        recorder.apply(transaction.start())
        recorder.apply(transaction.transportFailed())

        #expect(recorder.transportFailures == 1)
        #expect(recorder.terminatedAt == .zero)
        #expect(recorder.clock.pendingTimers.isEmpty)
        #expect(transaction.state == .terminated)
        #expect(transaction.timerFired(.a).isEmpty)
    }

    @Test func cancelMirrorsTheInviteOfSection9_1() throws {
        let invite = try TransactionTestMessages.invite()
        let cancel = try SIPMessage(parsing: SIPMessage(cancelling: invite).serialized())

        #expect(cancel.method == .cancel)
        #expect(cancel.requestURI == invite.requestURI)
        #expect(cancel.callID == invite.callID)
        #expect(cancel.headers[.from] == invite.headers[.from])
        #expect(cancel.headers[.to] == invite.headers[.to])
        #expect(cancel.cseq == SIPCSeq(sequenceNumber: 314159, method: .cancel))
        #expect(cancel.headers.splitValues(.via) == invite.headers.splitValues(.via))
        #expect(cancel.headers.values(.route) == invite.headers.values(.route))
        #expect(TransactionKey.serverForCancel(cancel) == TransactionKey.server(for: invite))
        // Its responses belong to the CANCEL's own client transaction, not the INVITE's (§9.1).
        #expect(TransactionKey.client(for: cancel) != TransactionKey.client(for: invite))
    }
}
