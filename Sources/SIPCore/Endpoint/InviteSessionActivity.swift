/// What an ``InviteSessionManager`` with ``InviteSessionManager/EventDelivery/combined`` delivery
/// tells its user, on ``InviteSessionManager/activity``, in the order it happened.
public enum InviteSessionActivity: Sendable {
    /// A call arrived: answer, ring or reject it. Its events follow on the same stream.
    case incoming(InviteCall)
    /// A call, incoming or placed, reported an event; `call` is its ``InviteCall/id``.
    case event(InviteSessionEvent, call: Int)
}
