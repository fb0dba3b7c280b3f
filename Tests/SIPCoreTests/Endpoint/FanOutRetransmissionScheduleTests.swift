import NIOCore
import NIOEmbedded
import Testing

@testable import SIPCore

/// A fan-out copy's transaction run as the endpoint runs it: its one timer armed in a
/// ``LoopTimerWheel`` at the deadline ``FanOutTransactions`` gives, the time of each firing
/// passed back in, all on the clock of an `EmbeddedEventLoop` that the test advances.
@Suite struct FanOutRetransmissionScheduleTests {
    static let millisecond: UInt64 = 1_000_000
    static let destination = try! SocketAddress(ipAddress: "127.0.0.1", port: 5060)

    /// The transactions, the wheel and what the driver did, in milliseconds of loop time.
    final class Driver {
        var transactions = FanOutTransactions(configuration: TransactionConfiguration())
        let wheel: LoopTimerWheel<UInt64>
        private(set) var retransmissions: [UInt64] = []
        private(set) var timedOut: [UInt64] = []

        init(loop: EmbeddedEventLoop) {
            wheel = LoopTimerWheel(eventLoop: loop)
            wheel.expired = { [unowned self] identifier, now in self.timerFired(identifier, now: now) }
        }

        /// What `EndpointCore.startFanOut` does for one copy, sending aside.
        func start(_ identifier: UInt64) {
            let deadline = transactions.start(
                identifier, request: ByteBuffer(string: "MESSAGE"), destination: FanOutRetransmissionScheduleTests.destination,
                now: wheel.now)
            wheel.arm(identifier, deadline: deadline)
        }

        /// What `EndpointCore.fanOutTimerFired` does, sending aside.
        private func timerFired(_ identifier: UInt64, now: UInt64) {
            switch transactions.timerFired(identifier, now: now) {
            case .retransmit(_, _, let nextDeadline):
                retransmissions.append(now / FanOutRetransmissionScheduleTests.millisecond)
                wheel.arm(identifier, deadline: nextDeadline)
            case .timedOut:
                timedOut.append(now / FanOutRetransmissionScheduleTests.millisecond)
            case .stale:
                break
            }
        }
    }

    @Test func unansweredCopyRetransmitsOnRFC3261TimerEAndEndsOnTimerF() {
        let loop = EmbeddedEventLoop()
        let driver = Driver(loop: loop)
        driver.start(7)

        // §17.1.2.2: Timer E at T1, doubling up to T2 (4 s); Timer F at 64*T1 (32 s).
        let expected: [UInt64] = [500, 1_500, 3_500, 7_500, 11_500, 15_500, 19_500, 23_500, 27_500, 31_500]
        for (index, due) in expected.enumerated() {
            loop.advanceTime(to: .uptimeNanoseconds(due * Self.millisecond - 1))
            #expect(driver.retransmissions == Array(expected[..<index]), "nothing is sent before \(due) ms")
            loop.advanceTime(by: .nanoseconds(1))
            #expect(driver.retransmissions == Array(expected[...index]), "retransmission at \(due) ms")
        }
        loop.advanceTime(to: .uptimeNanoseconds(32_000 * Self.millisecond - 1))
        #expect(driver.timedOut.isEmpty)
        loop.advanceTime(by: .nanoseconds(1))
        #expect(driver.timedOut == [32_000])
        #expect(driver.transactions.count == 0)
    }

    @Test func provisionalResponseMovesTheNextRetransmissionsToT2() {
        let loop = EmbeddedEventLoop()
        let driver = Driver(loop: loop)
        driver.start(1)
        loop.advanceTime(by: .milliseconds(200))
        #expect(driver.transactions.receive(1, statusCode: 100) == .provisional)

        loop.advanceTime(by: .seconds(40))
        #expect(driver.retransmissions == [500, 4_500, 8_500, 12_500, 16_500, 20_500, 24_500, 28_500])
        #expect(driver.timedOut == [32_000])
    }

    @Test func finalResponseLeavesTheArmedTimerNothingToDo() {
        let loop = EmbeddedEventLoop()
        let driver = Driver(loop: loop)
        driver.start(3)
        loop.advanceTime(by: .milliseconds(600))
        #expect(driver.transactions.receive(3, statusCode: 200) == .final)

        loop.advanceTime(by: .seconds(40))
        #expect(driver.retransmissions == [500])
        #expect(driver.timedOut.isEmpty)
    }
}
