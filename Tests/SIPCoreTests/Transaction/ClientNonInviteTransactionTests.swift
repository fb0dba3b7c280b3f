import SIPCore
import Testing

/// RFC 3261 §17.1.2, driven on a mock clock.
@Suite struct ClientNonInviteTransactionTests {
    @Test func unansweredRequestOverUDPBacksOffToT2AndTimesOutWithTimerF() throws {
        var transaction = ClientNonInviteTransaction(request: try TransactionTestMessages.options(), isReliable: false)
        var recorder = TransactionRecorder()
        recorder.apply(transaction.start())
        recorder.run(until: .seconds(100)) { transaction.timerFired($0) }

        #expect(recorder.sendTimes == [0, 500, 1500, 3500, 7500, 11500, 15500, 19500, 23500, 27500, 31500])
        #expect(recorder.sentSummaries.allSatisfy { $0 == "OPTIONS" })
        #expect(recorder.timedOutAt == .seconds(32))
        #expect(recorder.terminatedAt == .seconds(32))
        #expect(transaction.state == .terminated)
    }

    @Test func provisionalResponseSetsTimerEToT2() throws {
        let options = try TransactionTestMessages.options()
        var transaction = ClientNonInviteTransaction(request: options, isReliable: false)
        var recorder = TransactionRecorder()
        recorder.apply(transaction.start())
        recorder.run(until: .milliseconds(200)) { transaction.timerFired($0) }
        recorder.apply(transaction.receive(TransactionTestMessages.response(100, to: options)))
        #expect(transaction.state == .proceeding)
        recorder.run(until: .seconds(100)) { transaction.timerFired($0) }

        // The armed Timer E still fires at 0.5 s; from then on it is reset with T2 (§17.1.2.2).
        #expect(recorder.sendTimes == [0, 500, 4500, 8500, 12500, 16500, 20500, 24500, 28500])
        #expect(recorder.timedOutAt == .seconds(32))
        #expect(recorder.deliverTimes == [200])
    }

    @Test func finalResponseCompletesAndRetransmissionsAreAbsorbedUntilTimerK() throws {
        let options = try TransactionTestMessages.options()
        var transaction = ClientNonInviteTransaction(request: options, isReliable: false)
        var recorder = TransactionRecorder()
        recorder.apply(transaction.start())
        recorder.run(until: .seconds(1)) { transaction.timerFired($0) }
        let ok = TransactionTestMessages.response(200, to: options)
        recorder.apply(transaction.receive(ok))
        #expect(transaction.state == .completed)
        #expect(recorder.clock.pendingTimers == [.k])

        recorder.run(until: .seconds(2)) { transaction.timerFired($0) }
        recorder.apply(transaction.receive(ok))
        recorder.run(until: .seconds(100)) { transaction.timerFired($0) }

        #expect(recorder.sendTimes == [0, 500])
        #expect(recorder.delivered.map { $0.message.statusCode } == [200])
        #expect(recorder.terminatedAt == .seconds(6))
        #expect(recorder.timedOutAt == nil)
    }

    @Test func reliableTransportNeitherRetransmitsNorWaits() throws {
        let options = try TransactionTestMessages.options(transport: "TLS")
        var transaction = ClientNonInviteTransaction(request: options, isReliable: true)
        var recorder = TransactionRecorder()
        recorder.apply(transaction.start())
        #expect(recorder.clock.pendingTimers == [.f])
        recorder.run(until: .seconds(10)) { transaction.timerFired($0) }
        recorder.apply(transaction.receive(TransactionTestMessages.response(404, to: options)))

        #expect(recorder.sendTimes == [0])
        #expect(recorder.terminatedAt == .seconds(10))
        #expect(recorder.clock.pendingTimers.isEmpty)
    }

    @Test func reliableTransportTimesOutAfter64T1() throws {
        var transaction = ClientNonInviteTransaction(
            request: try TransactionTestMessages.options(transport: "TCP"), isReliable: true)
        var recorder = TransactionRecorder()
        recorder.apply(transaction.start())
        recorder.run(until: .seconds(100)) { transaction.timerFired($0) }

        #expect(recorder.sendTimes == [0])
        #expect(recorder.timedOutAt == .seconds(32))
    }

    @Test func transportFailureEndsTheTransaction() throws {
        var transaction = ClientNonInviteTransaction(request: try TransactionTestMessages.options(), isReliable: false)
        var recorder = TransactionRecorder()
        recorder.apply(transaction.start())
        recorder.run(until: .seconds(1)) { transaction.timerFired($0) }
        recorder.apply(transaction.transportFailed())

        #expect(recorder.transportFailures == 1)
        #expect(recorder.terminatedAt == .seconds(1))
        #expect(transaction.state == .terminated)
    }
}
