import ConferenceModel
import Testing

/// ``CallInbox``: one drainer at a time, inputs in arrival order.
@Suite struct CallInboxTests {
    @Test func theFirstInputMakesItsSenderTheDrainer() {
        var inbox = CallInbox<Int>()
        let first = inbox.put(1)
        #expect(first)
        #expect(inbox.isBusy)
        let second = inbox.put(2)
        #expect(!second, "a second sender leaves it to the drainer")
        #expect(inbox.next() == 1)
        let third = inbox.put(3)
        #expect(!third, "put while the drainer works on 1")
        #expect(inbox.next() == 2)
        #expect(inbox.next() == 3)
        #expect(inbox.next() == nil)
        #expect(!inbox.isBusy)
        let again = inbox.put(4)
        #expect(again, "an idle inbox makes the next sender drain again")
        #expect(inbox.next() == 4)
        #expect(inbox.next() == nil)
    }

    /// A drainer that waits between inputs while others put theirs in: every input comes out
    /// once, in order, and only ever one drainer runs.
    @Test func interleavedSendersKeepTheOrder() async {
        actor Harness {
            var inbox = CallInbox<Int>()
            var arrived: [Int] = []
            var handled: [Int] = []
            var drainers = 0
            var mostDrainersAtOnce = 0

            func send(_ value: Int) async {
                arrived.append(value)
                guard inbox.put(value) else { return }
                drainers += 1
                mostDrainersAtOnce = max(mostDrainersAtOnce, drainers)
                while let next = inbox.next() {
                    await Task.yield()
                    handled.append(next)
                }
                drainers -= 1
            }
        }
        let harness = Harness()
        await withTaskGroup(of: Void.self) { group in
            for value in 0..<200 {
                group.addTask { await harness.send(value) }
            }
        }
        let handled = await harness.handled
        #expect(handled.count == 200)
        #expect(handled == (await harness.arrived))
        #expect(await harness.mostDrainersAtOnce == 1)
    }
}
