import Synchronization

/// Stops a sound the media engine owns: the bridge keeps the switch, the engine plays a
/// ``SwitchedSource`` holding the same switch.
final class PlaybackSwitch: Sendable {
    private let stopped = Atomic<Bool>(false)

    /// Ends the sound at its next frame.
    func stop() { stopped.store(true, ordering: .relaxed) }

    /// Whether ``stop()`` was called.
    var isStopped: Bool { stopped.load(ordering: .relaxed) }
}
