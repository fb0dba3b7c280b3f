/// The stages of one media tick, run in this order with a barrier between each.
enum TickPhase: Sendable {
    /// The control path's queued commands are applied (rooms, members, mute, prompts).
    case commands
    /// Every leg pulls its due packet from oRTP's jitter buffer, decodes or conceals, and resamples to
    /// the room rate (jobs spread over all media threads).
    case receive
    /// Every room mixes (one job per room).
    case mix
    /// Every distinct mix is encoded once per codec and sent to the members who hear it (jobs spread
    /// over all media threads).
    case send
}
