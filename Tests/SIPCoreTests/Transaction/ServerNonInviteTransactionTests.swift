import SIPCore
import Testing

/// RFC 3261 §17.2.2, driven on a mock clock.
@Suite struct ServerNonInviteTransactionTests {
    @Test func retransmissionsAreAbsorbedThenAnsweredWithTheLastResponse() throws {
        let options = try TransactionTestMessages.options()
        var transaction = ServerNonInviteTransaction(request: options, isReliable: false)
        var recorder = TransactionRecorder()
        recorder.apply(transaction.start())
        recorder.apply(transaction.receive(options))
        #expect(recorder.sent.isEmpty)

        recorder.apply(transaction.send(TransactionTestMessages.response(100, to: options)))
        #expect(transaction.state == .proceeding)
        recorder.apply(transaction.receive(options))
        recorder.run(until: .seconds(1)) { transaction.timerFired($0) }
        recorder.apply(transaction.send(TransactionTestMessages.response(200, to: options)))
        #expect(transaction.state == .completed)
        recorder.run(until: .seconds(5)) { transaction.timerFired($0) }
        recorder.apply(transaction.receive(options))
        // Responses after the final one are not sent (§17.2.2).
        recorder.apply(transaction.send(TransactionTestMessages.response(500, to: options)))
        recorder.run(until: .seconds(100)) { transaction.timerFired($0) }

        #expect(recorder.sentSummaries == ["100", "100", "200", "200"])
        #expect(recorder.sendTimes == [0, 0, 1000, 5000])
        #expect(recorder.delivered.count == 1)
        #expect(recorder.terminatedAt == .seconds(33))
    }

    @Test func reliableTransportEndsWithTheFinalResponse() throws {
        let options = try TransactionTestMessages.options(transport: "TCP")
        var transaction = ServerNonInviteTransaction(request: options, isReliable: true)
        var recorder = TransactionRecorder()
        recorder.apply(transaction.start())
        recorder.apply(transaction.send(TransactionTestMessages.response(200, to: options)))

        #expect(recorder.sentSummaries == ["200"])
        #expect(recorder.terminatedAt == .zero)
        #expect(transaction.state == .terminated)
    }

    @Test func transportFailureEndsTheTransaction() throws {
        let options = try TransactionTestMessages.options()
        var transaction = ServerNonInviteTransaction(request: options, isReliable: false)
        var recorder = TransactionRecorder()
        recorder.apply(transaction.start())
        recorder.apply(transaction.send(TransactionTestMessages.response(200, to: options)))
        recorder.apply(transaction.transportFailed())

        #expect(recorder.transportFailures == 1)
        #expect(recorder.clock.pendingTimers.isEmpty)
        #expect(transaction.state == .terminated)
    }
}
