/// A bounded wait that ran out of time: it names what was awaited, for how long, and what was
/// last seen, so a failing test says why without a rerun.
public struct WaitTimeout: Error, CustomStringConvertible {
    /// What the wait was for, e.g. "bob to hear 440 Hz".
    public let awaited: String
    /// How long it waited.
    public let limit: Duration
    /// What the caller added to explain the failure (a process's output, the last observation).
    public let detail: String

    /// Creates the error of a wait for `awaited` that gave up after `limit`.
    public init(awaited: String, limit: Duration, detail: String = "") {
        self.awaited = awaited
        self.limit = limit
        self.detail = detail
    }

    public var description: String {
        "timed out after \(limit) waiting for \(awaited)" + (detail.isEmpty ? "" : "\n\(detail)")
    }
}

/// Waits until `probe` returns a value, and returns it: with ``eventually(_:within:pollingEvery:detail:_:)``
/// the one way tests wait for something to happen (rule 12: a sleep is never the synchronisation).
///
/// The probe is asked at once, then every `interval` until `limit` has passed, and once more at
/// the end, so a test whose task was kept off the CPU past the deadline still sees an event that
/// did happen. Between probes the task sleeps with `Task.sleep`: a wait never holds one of Swift's
/// cooperative threads, which on a two-core machine are only two.
///
/// - Parameters:
///   - awaited: What is awaited, in words, quoted by the failure ("the bridge to list bob as Connected").
///   - limit: The longest wait.
///   - interval: The pause between probes.
///   - detail: Evaluated only on a timeout and added to the failure (a server's output, say).
///   - probe: Returns the awaited value, or `nil` while it is not there yet.
/// - Throws: ``WaitTimeout`` when the time is up; whatever `probe` throws.
public func eventuallyValue<Value>(
    _ awaited: @autoclosure () -> String,
    within limit: Duration = .seconds(10),
    pollingEvery interval: Duration = .milliseconds(20),
    detail: () -> String = { "" },
    _ probe: () async throws -> Value?
) async throws -> Value {
    let clock = ContinuousClock()
    let deadline = clock.now + limit
    while clock.now < deadline {
        if let value = try await probe() { return value }
        try await Task.sleep(for: min(interval, max(deadline - clock.now, .zero)))
    }
    if let value = try await probe() { return value }
    throw WaitTimeout(awaited: awaited(), limit: limit, detail: detail())
}

/// Waits until `condition` holds, probing it as ``eventuallyValue(_:within:pollingEvery:detail:_:)`` does.
///
/// - Throws: ``WaitTimeout`` naming `awaited` when the condition still fails after `limit`.
public func eventually(
    _ awaited: @autoclosure () -> String,
    within limit: Duration = .seconds(10),
    pollingEvery interval: Duration = .milliseconds(20),
    detail: () -> String = { "" },
    _ condition: () async throws -> Bool
) async throws {
    _ = try await eventuallyValue(awaited(), within: limit, pollingEvery: interval, detail: detail) {
        try await condition() ? true : nil
    }
}

/// Waits for the first element of `elements` (an event stream) that `predicate` accepts, and
/// returns it; elements before it are passed over.
///
/// - Throws: ``WaitTimeout`` naming `awaited` when no such element arrives within `limit`, or the
///   sequence ends first. When the time runs out the consuming task is cancelled, which ends an
///   `AsyncStream` for good: a test has failed by then.
public func eventually<Elements: AsyncSequence & Sendable>(
    _ awaited: @autoclosure () -> String,
    within limit: Duration = .seconds(10),
    firstOf elements: Elements,
    where predicate: @escaping @Sendable (Elements.Element) -> Bool
) async throws -> Elements.Element where Elements.Element: Sendable {
    let outcome = try await withThrowingTaskGroup(of: StreamWaitOutcome<Elements.Element>.self) { group in
        group.addTask {
            for try await element in elements where predicate(element) { return .found(element) }
            return .ended
        }
        group.addTask {
            try await Task.sleep(for: limit)
            return .timedOut
        }
        let first = try await group.next() ?? .timedOut
        group.cancelAll()
        return first
    }
    switch outcome {
    case .found(let element):
        return element
    case .ended:
        throw WaitTimeout(awaited: awaited(), limit: limit, detail: "the sequence ended without it")
    case .timedOut:
        throw WaitTimeout(awaited: awaited(), limit: limit)
    }
}

/// How a wait on a sequence ended.
private enum StreamWaitOutcome<Element: Sendable>: Sendable {
    case found(Element)
    case ended
    case timedOut
}
