import Foundation

/// The shared home of a ``VoiceRoomDirectory``: the control API and the voice bridge change it
/// through this actor, one change at a time, each with the current time; every change comes out
/// to the subscribers of ``events()`` as ``VoiceRoomEvent``s, in order.
///
/// With a ``ConferenceStore``, what a change did to the rooms the store keeps (a room opened or
/// closed, a PIN, an invitation) is written through before ``update(_:)`` returns, so a change
/// the control API acknowledged survives a crash. Writes leave in the order the changes were
/// made; changes made while a write is under way go together in the next one.
public actor VoiceRoomRegistry {
    private var directory: VoiceRoomDirectory
    private let clock: @Sendable () -> Date
    private var subscribers: [UUID: AsyncStream<VoiceRoomEvent>.Continuation] = [:]
    private let store: (any ConferenceStore)?
    private let onStoreFailure: @Sendable (any Error) -> Void
    private var unwritten: [ConferenceStoreChange] = []
    private var writeWaiters: [CheckedContinuation<Void, Never>] = []
    private var isWriting = false
    private let eventHub: RoomEventHub?

    /// Creates a registry.
    /// - Parameters:
    ///   - policy: the rules in force.
    ///   - statistics: the call counters to start from.
    ///   - restoring: rooms a store kept, opened as they were saved.
    ///   - store: where room changes are written through; `nil` keeps rooms in memory only.
    ///   - onStoreFailure: told when a write fails (the change stays in memory; log it).
    ///   - clock: the time each change sees (tests pass a fixed one).
    ///   - eventHub: where every event also goes, as ``RoomEvent/voice(_:)``, in the order the
    ///     subscribers of ``events()`` get them; `nil` publishes to those subscribers only.
    public init(
        policy: VoiceRoomPolicy, statistics: CallStatistics = CallStatistics(), restoring: [StoredRoom] = [],
        store: (any ConferenceStore)? = nil, onStoreFailure: @escaping @Sendable (any Error) -> Void = { _ in },
        clock: @escaping @Sendable () -> Date = { Date() }, eventHub: RoomEventHub? = nil
    ) {
        self.clock = clock
        self.eventHub = eventHub
        self.policy = policy
        self.store = store
        self.onStoreFailure = onStoreFailure
        directory = VoiceRoomDirectory(policy: policy, statistics: statistics, restoring: restoring, at: clock())
        unwritten = directory.takeStoreChanges()
    }

    /// The rules in force.
    public nonisolated let policy: VoiceRoomPolicy

    /// Runs one change on the directory with the current time and returns its answer; the
    /// change's events go to the subscribers, and its stored part to the store, before this returns.
    public func update<Answer: Sendable>(_ change: @Sendable (inout VoiceRoomDirectory, Date) -> Answer) async -> Answer {
        let answer = change(&directory, clock())
        publish(directory.takeEvents())
        let changes = directory.takeStoreChanges()
        if store != nil, !changes.isEmpty || !unwritten.isEmpty {
            unwritten += changes
            await writeThrough()
        }
        return answer
    }

    /// Writes every change made so far, then returns: the first caller writes while the others
    /// wait for the write that carries their changes.
    private func writeThrough() async {
        guard let store else { return }
        if isWriting {
            await withCheckedContinuation { writeWaiters.append($0) }
            return
        }
        isWriting = true
        while !unwritten.isEmpty {
            let batch = unwritten
            let waiting = writeWaiters
            unwritten.removeAll()
            writeWaiters.removeAll()
            do {
                try await store.apply(batch)
            } catch {
                onStoreFailure(error)
            }
            for waiter in waiting { waiter.resume() }
        }
        // Whoever waits put changes in `unwritten` first, so an empty `unwritten` has no one waiting.
        isWriting = false
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
        eventHub?.publish(events.map(RoomEvent.voice))
    }

    /// The time the registry's clock shows now.
    public func now() -> Date { clock() }

    private func unsubscribe(_ id: UUID) {
        subscribers[id] = nil
    }
}
