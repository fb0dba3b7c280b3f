/// Names one member of a ``MixMinusMixer``: a conference leg that speaks into the room and listens to it.
///
/// The mixer hands out identifiers from ``MixMinusMixer/addMember()``. An identifier carries the
/// member's storage slot, so every per-tick call finds the member without hashing, and a generation
/// that changes whenever the slot is reused, so an identifier kept after
/// ``MixMinusMixer/removeMember(_:)`` never reaches the member who took the slot next.
public struct MixerMemberID: Hashable, Sendable, CustomStringConvertible {
    /// The index of the member's storage in the mixer.
    let slot: Int
    /// How many times the slot had been handed out before this member took it.
    let generation: UInt32

    init(slot: Int, generation: UInt32) {
        self.slot = slot
        self.generation = generation
    }

    /// A short form for logs: slot and generation.
    public var description: String {
        "member \(slot).\(generation)"
    }
}
