/// Which of the mixer's output frames a listener hears this tick.
///
/// Listeners with the same key hear the same samples, so the media engine encodes each distinct
/// frame once per key, codec, rate and ptime and sends the payload to every listener holding that key
/// (STYLE rule 7: listeners who hear the same mix share one encoded frame). In a large room almost
/// everyone is silent, hears ``fullMix`` and shares one encoding.
public enum MixerOutputKey: Hashable, Sendable {
    /// The whole room: every contributor plus the room's prompts, after the limiter. Heard by every
    /// listener who contributes nothing this tick and has no private prompt and no output gain.
    case fullMix
    /// All zero samples: heard by a deaf member without a private prompt.
    case silence
    /// A frame made for this member alone: the room minus their own voice (when they contribute),
    /// with their private prompt mixed in, or scaled by their output gain.
    case own(MixerMemberID)
}
