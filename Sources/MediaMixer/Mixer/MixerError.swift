/// A control call on a ``MixMinusMixer`` that the mixer refused.
///
/// Control calls (add, remove, mute, gains, prompts, recording) throw this; per-tick calls treat a
/// stale member identifier as a programming error instead, because the engine that ticks the mixer
/// is the only holder of the identifiers it feeds.
public struct MixerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Hashable, Sendable {
        /// The member identifier names nobody: the member was removed or belongs to another mixer.
        case unknownMember
        /// A source or sink runs at a different sample rate from the room; resample at the rim.
        case sampleRateMismatch
        /// The room rate or ptime is not one the mixer supports.
        case unsupportedFormat
        /// A gain lies outside ``MixMinusMixer/gainRange``.
        case gainOutOfRange
    }

    /// What went wrong.
    public let code: Code
    /// A sentence for logs.
    public let message: String

    init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The code and the message.
    public var description: String {
        "\(code): \(message)"
    }
}
