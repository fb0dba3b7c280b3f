import SIPCore
import SIPTesting
import Testing

@Suite struct MockClockTests {
    @Test func firesTimersInDeadlineOrderAndMovesTime() {
        var clock = MockClock<TransactionTimer>()
        clock.schedule(.b, after: .seconds(32))
        clock.schedule(.a, after: .milliseconds(500))
        clock.schedule(.e, after: .milliseconds(500))

        #expect(clock.advance(by: .milliseconds(499)) == [])
        #expect(clock.now == .milliseconds(499))
        #expect(clock.advance(by: .milliseconds(1)) == [.a, .e])
        #expect(clock.pendingTimers == [.b])
        #expect(clock.advance(by: .seconds(40)) == [.b])
        #expect(clock.now == .milliseconds(40_500))
    }

    @Test func reschedulingReplacesAndCancelDisarms() {
        var clock = MockClock<TransactionTimer>()
        clock.schedule(.g, after: .seconds(1))
        clock.schedule(.g, after: .seconds(3))
        clock.schedule(.h, after: .seconds(2))
        clock.cancel(.h)

        #expect(clock.deadline(of: .g) == .seconds(3))
        #expect(clock.deadline(of: .h) == nil)
        #expect(clock.advanceToNextTimer(notAfter: .seconds(10)) == .g)
        #expect(clock.now == .seconds(3))
        #expect(clock.advanceToNextTimer(notAfter: .seconds(10)) == nil)
        #expect(clock.now == .seconds(10))
    }
}
