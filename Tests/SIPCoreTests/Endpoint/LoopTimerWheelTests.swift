import NIOCore
import NIOEmbedded
import Synchronization
import Testing

@testable import SIPCore

/// The event-loop driver of the timer wheel, on NIO's testing loops: it reads the loop's clock,
/// so a test moves time and sees each timer fire at its deadline, never before.
@Suite struct LoopTimerWheelTests {
    static let millisecond: UInt64 = 1_000_000

    /// The elements a wheel expired and the loop time it reported for each, in milliseconds;
    /// `Sendable` so that a wheel on `NIOAsyncTestingEventLoop`'s queue can record into it.
    final class Firings: Sendable {
        private let entries = Mutex<[(element: String, milliseconds: UInt64)]>([])

        func record(_ element: String, at now: UInt64) {
            entries.withLock { $0.append((element, now / LoopTimerWheelTests.millisecond)) }
        }

        var elements: [String] { entries.withLock { $0.map(\.element) } }
        var times: [UInt64] { entries.withLock { $0.map(\.milliseconds) } }
    }

    @Test func timersFireAtTheirDeadlinesOnTheEmbeddedLoopsClock() {
        let loop = EmbeddedEventLoop()
        let wheel = LoopTimerWheel<String>(eventLoop: loop)
        let firings = Firings()
        wheel.expired = { firings.record($0, at: $1) }
        // Timer E at T1, Timer K at T4, Timer F at 64*T1 (RFC 3261 §17.1.2.2).
        wheel.arm("F", after: .seconds(32))
        wheel.arm("E", after: .milliseconds(500))
        wheel.arm("K", after: .seconds(5))

        loop.advanceTime(to: .uptimeNanoseconds(500 * Self.millisecond - 1))
        #expect(firings.elements.isEmpty, "nothing is due before 500 ms")
        loop.advanceTime(by: .nanoseconds(1))
        #expect(firings.elements == ["E"])
        #expect(firings.times == [500])

        loop.advanceTime(to: .uptimeNanoseconds(5_000 * Self.millisecond - 1))
        #expect(firings.elements == ["E"])
        loop.advanceTime(to: .uptimeNanoseconds(32_000 * Self.millisecond - 1))
        #expect(firings.elements == ["E", "K"])
        #expect(firings.times == [500, 5_000])
        loop.advanceTime(by: .nanoseconds(1))
        #expect(firings.elements == ["E", "K", "F"])
        #expect(firings.times == [500, 5_000, 32_000])
        // Also keeps the wheel alive to here: its task holds it weakly, as the endpoint's does.
        #expect(wheel.now == 32_000 * Self.millisecond)
    }

    @Test func aDeadlineBetweenTicksFiresAtTheEndOfItsTickNeverBefore() {
        let loop = EmbeddedEventLoop()
        loop.advanceTime(by: .seconds(10))
        let wheel = LoopTimerWheel<String>(eventLoop: loop)
        let firings = Firings()
        wheel.expired = { firings.record($0, at: $1) }
        #expect(wheel.now == 10_000 * Self.millisecond, "the wheel's time is the loop's, not the machine's")

        // 10 002 ms lies inside the 5 ms tick that ends at 10 005 ms.
        wheel.arm("late by design", deadline: 10_002 * Self.millisecond)
        loop.advanceTime(to: .uptimeNanoseconds(10_005 * Self.millisecond - 1))
        #expect(firings.elements.isEmpty)
        loop.advanceTime(by: .nanoseconds(1))
        #expect(firings.elements == ["late by design"])
        #expect(firings.times == [10_005])
        #expect(wheel.now == 10_005 * Self.millisecond)
    }

    @Test func aTimerArmedWhileAnotherFiresIsDueFromTheFiringTime() {
        let loop = EmbeddedEventLoop()
        let wheel = LoopTimerWheel<String>(eventLoop: loop)
        let firings = Firings()
        // Each firing re-arms the next at T1 from the time it fired, as a retransmission timer does.
        wheel.expired = { [unowned wheel] element, now in
            firings.record(element, at: now)
            if firings.elements.count < 3 { wheel.arm(element, deadline: now + 500 * Self.millisecond) }
        }
        wheel.arm("E", after: .milliseconds(500))

        loop.advanceTime(by: .seconds(10))
        #expect(firings.times == [500, 1_000, 1_500])
        #expect(wheel.now == 10_000 * Self.millisecond)
    }

    @Test func removeAllDisarmsEveryTimer() {
        let loop = EmbeddedEventLoop()
        let wheel = LoopTimerWheel<String>(eventLoop: loop)
        let firings = Firings()
        wheel.expired = { firings.record($0, at: $1) }
        wheel.arm("B", after: .seconds(32))
        wheel.arm("A", after: .milliseconds(500))
        loop.advanceTime(by: .milliseconds(100))
        wheel.removeAll()

        loop.advanceTime(by: .seconds(60))
        #expect(firings.elements.isEmpty)
        #expect(wheel.now == 60_100 * Self.millisecond)
    }

    @Test func timersFireAtTheirDeadlinesOnTheAsyncTestingLoopsClock() async throws {
        let loop = NIOAsyncTestingEventLoop()
        let firings = Firings()
        let wheel = try await loop.executeInContext {
            let wheel = LoopTimerWheel<String>(eventLoop: loop)
            wheel.expired = { firings.record($0, at: $1) }
            wheel.arm("E", after: .milliseconds(500))
            wheel.arm("F", after: .seconds(32))
            return wheel
        }

        await loop.advanceTime(to: .uptimeNanoseconds(500 * Self.millisecond - 1))
        #expect(firings.elements.isEmpty)
        await loop.advanceTime(by: .nanoseconds(1))
        #expect(firings.elements == ["E"])
        await loop.advanceTime(to: .uptimeNanoseconds(32_000 * Self.millisecond - 1))
        #expect(firings.elements == ["E"])
        await loop.advanceTime(by: .nanoseconds(1))
        #expect(firings.times == [500, 32_000])
        #expect(wheel.now == 32_000 * Self.millisecond)
        await loop.shutdownGracefully()
    }
}
