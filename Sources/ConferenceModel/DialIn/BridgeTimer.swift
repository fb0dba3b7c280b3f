/// A timer one of the bridge's call machines asks its driver to run. Each machine keeps at most one
/// timer of each kind: starting a kind again replaces the running one, as SEMS's `setTimer` does.
public enum BridgeTimer: Sendable, Hashable {
    /// Parley addition: how long a caller entering a room number may pause between keys.
    case interDigit
    /// SEMS `lonely_user_timer` (timer id 50): how long a participant may stay alone in a room.
    case lonelyUser
}
