import NIOCore
import Testing

@testable import SIPCore

/// The fan-out copies' UDP non-INVITE transactions follow RFC 3261 §17.1.2.2's timers exactly.
@Suite struct FanOutTransactionsTests {
    static let millisecond: UInt64 = 1_000_000
    static let destination = try! SocketAddress(ipAddress: "127.0.0.1", port: 5060)

    /// Fires the one armed timer at its deadline until the transaction ends; returns the
    /// retransmission times and when it ended, in milliseconds after the start.
    static func run(_ table: inout FanOutTransactions, _ identifier: UInt64, firstDeadline: UInt64)
        -> (retransmissions: [UInt64], end: UInt64?)
    {
        var retransmissions: [UInt64] = []
        var deadline = firstDeadline
        for _ in 0..<100 {
            switch table.timerFired(identifier, now: deadline) {
            case .retransmit(_, _, let next):
                retransmissions.append(deadline / millisecond)
                deadline = next
            case .timedOut:
                return (retransmissions, deadline / millisecond)
            case .stale:
                return (retransmissions, nil)
            }
        }
        return (retransmissions, nil)
    }

    @Test func unansweredRequestRetransmitsAtDoublingIntervalsCappedAtT2AndTimesOutAt64T1() {
        var table = FanOutTransactions(configuration: TransactionConfiguration())
        let first = table.start(7, request: ByteBuffer(string: "MESSAGE"), destination: Self.destination, now: 0)
        #expect(first == 500 * Self.millisecond, "Timer E starts at T1")
        let (retransmissions, end) = Self.run(&table, 7, firstDeadline: first)
        #expect(retransmissions == [500, 1_500, 3_500, 7_500, 11_500, 15_500, 19_500, 23_500, 27_500, 31_500])
        #expect(end == 32_000, "Timer F: 64*T1")
        #expect(table.count == 0)
    }

    @Test func provisionalResponseMovesRetransmissionsToT2() {
        var table = FanOutTransactions(configuration: TransactionConfiguration())
        let first = table.start(1, request: ByteBuffer(string: "MESSAGE"), destination: Self.destination, now: 0)
        #expect(table.receive(1, statusCode: 100) == .provisional)
        let (retransmissions, end) = Self.run(&table, 1, firstDeadline: first)
        #expect(retransmissions == [500, 4_500, 8_500, 12_500, 16_500, 20_500, 24_500, 28_500])
        #expect(end == 32_000)
    }

    @Test func finalResponseEndsTheTransactionAndLaterResponsesAreUnknown() {
        var table = FanOutTransactions(configuration: TransactionConfiguration())
        let first = table.start(3, request: ByteBuffer(string: "MESSAGE"), destination: Self.destination, now: 0)
        #expect(table.receive(3, statusCode: 200) == .final)
        #expect(table.count == 0)
        #expect(table.receive(3, statusCode: 200) == .unknown, "a retransmitted 200 is absorbed")
        #expect(table.receive(3, statusCode: 180) == .unknown)
        guard case .stale = table.timerFired(3, now: first) else {
            Issue.record("the answered transaction's timer must do nothing")
            return
        }
    }

    @Test func retransmissionSendsTheSameBytesToTheSameDestination() {
        var table = FanOutTransactions(configuration: TransactionConfiguration(t1: .milliseconds(100)))
        let request = ByteBuffer(string: "MESSAGE sip:a@b SIP/2.0\r\n")
        let first = table.start(9, request: request, destination: Self.destination, now: 1_000)
        guard case .retransmit(let again, let destination, let next) = table.timerFired(9, now: first) else {
            Issue.record("Timer E must retransmit")
            return
        }
        #expect(again == request)
        #expect(destination == Self.destination)
        #expect(next == first + 200 * Self.millisecond)
        guard case .stale = table.timerFired(9, now: next - 1) else {
            Issue.record("a timer is never due before its deadline")
            return
        }
    }
}
