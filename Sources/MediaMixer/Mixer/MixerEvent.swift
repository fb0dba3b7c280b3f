/// Something the mixer noticed during a tick, queued for the control side.
///
/// The mixer never calls out during a tick; it appends events to a queue preallocated at creation,
/// which the owner drains with ``MixMinusMixer/drainEvents(_:)`` after the tick.
public enum MixerEvent: Hashable, Sendable {
    /// The member's level stayed at or above the talker on-threshold for the configured number of
    /// frames (``TalkerDetectionSettings/framesToStart``).
    case startedTalking(MixerMemberID)
    /// The member's level stayed below the talker off-threshold for the configured number of frames
    /// (``TalkerDetectionSettings/framesToStop``), or a talking member was removed.
    case stoppedTalking(MixerMemberID)
    /// The floor (the loudest current talker who is not muted) passed from one member to another;
    /// `nil` when nobody held it before, or when the holder was removed.
    case floorChanged(from: MixerMemberID?, to: MixerMemberID?)
    /// An attached source reported its end and was detached; `source` is the identity of the
    /// source object, so the owner can start the next prompt of a queue.
    case sourceFinished(source: ObjectIdentifier, target: MixerSourceTarget)
}
