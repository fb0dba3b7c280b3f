/// The stages of one media tick, run in this order with a barrier between each.
enum TickPhase: Sendable {
    /// The control path's queued commands are applied (rooms, members, mute, prompts).
    case commands
    /// Every leg pulls its due packet from oRTP's jitter buffer, decodes or conceals, and resamples to
    /// the room rate (jobs spread over all media threads).
    case receive
    /// Every room mixes (one job per room).
    case mix
    /// Every distinct mix is encoded once per codec it is heard in (jobs spread over all media threads).
    case encode
    /// Every leg is sent the encoding of the mix it hears (jobs spread over all media threads).
    case send
}
