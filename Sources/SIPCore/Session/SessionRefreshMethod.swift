/// The request a refresher sends to refresh the session (RFC 4028 §7.4, §9: a re-INVITE or an
/// UPDATE), as SEMS's `session_refresh_method` names the choices.
public enum SessionRefreshMethod: Sendable, Hashable {
    /// Always a re-INVITE with the unchanged description.
    case invite
    /// Always an UPDATE without a body (RFC 3311), even to a peer whose Allow omits it.
    case update
    /// An UPDATE when the peer lists it in Allow, else a re-INVITE (the default).
    case updateFallingBackToInvite
}
