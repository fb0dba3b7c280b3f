import Foundation

/// The shared home of a ``VoiceRoomDirectory``: the control API and the voice bridge change it
/// through this actor, one change at a time, each with the current time; every change comes out
/// to the subscribers of ``events()`` as ``VoiceRoomEvent``s, in order.
public actor VoiceRoomRegistry {
    private var directory: VoiceRoomDirectory
    private let clock: @Sendable () -> Date
    private var subscribers: [UUID: AsyncStream<VoiceRoomEvent>.Continuation] = [:]

    /// Creates a registry; `clock` gives the time each change sees (tests pass a fixed one).
    public init(policy: VoiceRoomPolicy, statistics: CallStatistics = CallStatistics(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.clock = clock
        self.policy = policy
        directory = VoiceRoomDirectory(policy: policy, statistics: statistics, at: clock())
    }

    /// The rules in force.
    public nonisolated let policy: VoiceRoomPolicy

    /// Runs one change on the directory with the current time and returns its answer; the
    /// change's events go to the subscribers before this returns.
    public func update<Answer: Sendable>(_ change: @Sendable (inout VoiceRoomDirectory, Date) -> Answer) -> Answer {
        let answer = change(&directory, clock())
        publish(directory.takeEvents())
        return answer
    }

    /// Every event from now on, until the stream is dropped or cancelled. Each subscriber gets
    /// its own stream; one that falls behind keeps the newest 10 000 events.
    public func events() -> AsyncStream<VoiceRoomEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: VoiceRoomEvent.self, bufferingPolicy: .bufferingNewest(10_000))
        let id = UUID()
        subscribers[id] = continuation
        continuation.onTermination = { _ in
            Task { await self.unsubscribe(id) }
        }
        return stream
    }

    /// Publishes events the directory cannot see itself: talking and floor changes from the media.
    public func publish(_ events: [VoiceRoomEvent]) {
        guard !events.isEmpty else { return }
        for continuation in subscribers.values {
            for event in events { continuation.yield(event) }
        }
    }

    /// The time the registry's clock shows now.
    public func now() -> Date { clock() }

    private func unsubscribe(_ id: UUID) {
        subscribers[id] = nil
    }
}
