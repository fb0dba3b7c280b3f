import Testing

@testable import SIPCore

/// The endpoint's timer wheel on injected time: never early, at most a tick late, and right
/// across turns of the wheel.
@Suite struct TransactionTimerWheelTests {
    static let millisecond: UInt64 = 1_000_000

    @Test func timersExpireInDeadlineOrderAndNeverEarly() {
        var wheel = TransactionTimerWheel<String>(tickNanoseconds: 5 * Self.millisecond, slotCount: 64, now: 0)
        wheel.insert("F", deadline: 32 * Self.millisecond)
        wheel.insert("E", deadline: 7 * Self.millisecond)
        wheel.insert("K", deadline: 12 * Self.millisecond)
        #expect(wheel.count == 3)
        #expect(wheel.expire(now: 6 * Self.millisecond).isEmpty, "E is due at 7 ms, not in the slot that ends at 5")
        #expect(wheel.expire(now: 10 * Self.millisecond) == ["E"])
        #expect(wheel.expire(now: 11 * Self.millisecond).isEmpty)
        #expect(wheel.expire(now: 40 * Self.millisecond) == ["K", "F"])
        #expect(wheel.count == 0)
        #expect(wheel.nextWakeUp == nil)
    }

    @Test func deadlinesBeyondOneTurnWaitForTheirOwnTurn() {
        // 8 slots of 1 ms: a 20 ms deadline shares its slot with 4 ms and 12 ms.
        var wheel = TransactionTimerWheel<Int>(tickNanoseconds: Self.millisecond, slotCount: 8, now: 0)
        wheel.insert(20, deadline: 20 * Self.millisecond)
        wheel.insert(4, deadline: 4 * Self.millisecond)
        #expect(wheel.nextWakeUp == 4 * Self.millisecond)
        #expect(wheel.expire(now: 4 * Self.millisecond) == [4])
        #expect(wheel.expire(now: 12 * Self.millisecond).isEmpty)
        #expect(wheel.count == 1)
        #expect(wheel.expire(now: 19 * Self.millisecond).isEmpty)
        #expect(wheel.expire(now: 20 * Self.millisecond) == [20])
    }

    @Test func aLateDriverGetsEverythingDueAfterMoreThanATurn() {
        var wheel = TransactionTimerWheel<Int>(tickNanoseconds: Self.millisecond, slotCount: 8, now: 0)
        for deadline in [3, 9, 17, 30] { wheel.insert(deadline, deadline: UInt64(deadline) * Self.millisecond) }
        #expect(wheel.expire(now: 25 * Self.millisecond).sorted() == [3, 9, 17])
        #expect(wheel.count == 1)
        #expect(wheel.nextWakeUp == 30 * Self.millisecond)
    }

    @Test func aPastDeadlineExpiresAtTheNextCall() {
        var wheel = TransactionTimerWheel<Int>(tickNanoseconds: Self.millisecond, slotCount: 8, now: 10 * Self.millisecond)
        wheel.insert(1, deadline: 2 * Self.millisecond)
        #expect(wheel.expire(now: 11 * Self.millisecond) == [1])
    }
}
