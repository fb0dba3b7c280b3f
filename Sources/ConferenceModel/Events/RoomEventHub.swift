import Foundation

/// Where the voice and IM changes of every room meet: each room gets one ordered stream of
/// ``RoomEvent``s (DESIGN.md), whichever front door made the change.
///
/// Producers hand in events with ``publish(_:)``: the ``VoiceRoomRegistry`` (given the hub at
/// creation) its ``VoiceRoomEvent``s as it publishes them to its own subscribers, the IM manager its
/// ``IMRoomChange``s once they are stored. Subscribers take a room's stream with
/// ``events(ofRoom:)``, or every room's with ``events()``.
public actor RoomEventHub {
    /// One open stream and the room it follows (`nil`: every room).
    private struct Subscriber {
        let room: String?
        let continuation: AsyncStream<RoomEvent>.Continuation
    }

    private var subscribers: [UUID: Subscriber] = [:]
    /// Published batches on their way to the subscribers, in the order they were published.
    private let inbox: AsyncStream<[RoomEvent]>.Continuation

    /// The most batches waiting for delivery, and the most events a subscriber's stream holds:
    /// past that the oldest are dropped, as ``VoiceRoomRegistry/events()`` does, so a stalled
    /// reader costs bounded memory.
    private static let bufferLimit = 10_000

    /// Creates a hub with no subscribers.
    public init() {
        let (published, inbox) = AsyncStream.makeStream(of: [RoomEvent].self, bufferingPolicy: .bufferingNewest(Self.bufferLimit))
        self.inbox = inbox
        // One task delivers every batch, so events come out in the order they were published. It
        // holds the hub weakly: dropping the hub ends the inbox (deinit) and with it the task.
        Task { [weak self] in
            for await events in published { await self?.deliver(events) }
        }
    }

    deinit {
        inbox.finish()
        for subscriber in subscribers.values { subscriber.continuation.finish() }
    }

    /// Hands events to every subscriber of their rooms, after everything published before.
    ///
    /// It does not wait: producers call it from their own synchronous code (an actor's change
    /// and its events stay one step), and the one queue behind it keeps their order, which a hop
    /// onto this actor per call would not promise. The events reach the streams shortly after.
    public nonisolated func publish(_ events: [RoomEvent]) {
        guard !events.isEmpty else { return }
        inbox.yield(events)
    }

    /// The events of the room named `room` delivered from now on, in order, until the stream is
    /// dropped or cancelled. A reader that falls behind keeps the newest 10 000.
    public func events(ofRoom room: String) -> AsyncStream<RoomEvent> {
        subscribe(room: room)
    }

    /// Every room's events delivered from now on, in order, until the stream is dropped or
    /// cancelled. A reader that falls behind keeps the newest 10 000.
    public func events() -> AsyncStream<RoomEvent> {
        subscribe(room: nil)
    }

    /// How many streams are open: a stream that ends (dropped or cancelled) is let go.
    public var subscriberCount: Int { subscribers.count }

    private func subscribe(room: String?) -> AsyncStream<RoomEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: RoomEvent.self, bufferingPolicy: .bufferingNewest(Self.bufferLimit))
        let id = UUID()
        subscribers[id] = Subscriber(room: room, continuation: continuation)
        // Weak: a stream that is never dropped must not keep the hub alive.
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        return stream
    }

    private func deliver(_ events: [RoomEvent]) {
        for subscriber in subscribers.values {
            for event in events where subscriber.room == nil || subscriber.room == event.room {
                subscriber.continuation.yield(event)
            }
        }
    }

    private func unsubscribe(_ id: UUID) {
        subscribers[id] = nil
    }
}
