import Foundation

/// The shared home of a ``VoiceRoomDirectory``: the control API and the voice bridge change it
/// through this actor, one change at a time, each with the current time.
public actor VoiceRoomRegistry {
    private var directory: VoiceRoomDirectory
    private let clock: @Sendable () -> Date

    /// Creates a registry; `clock` gives the time each change sees (tests pass a fixed one).
    public init(policy: VoiceRoomPolicy, statistics: CallStatistics = CallStatistics(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.clock = clock
        self.policy = policy
        directory = VoiceRoomDirectory(policy: policy, statistics: statistics, at: clock())
    }

    /// The rules in force.
    public nonisolated let policy: VoiceRoomPolicy

    /// Runs one change on the directory with the current time and returns its answer.
    public func update<Answer: Sendable>(_ change: @Sendable (inout VoiceRoomDirectory, Date) -> Answer) -> Answer {
        change(&directory, clock())
    }

    /// The time the registry's clock shows now.
    public func now() -> Date { clock() }
}
