/// Where an INVITE session is in its life (RFC 3261 §13, §15).
public enum InviteSessionState: Sendable, Hashable {
    /// The INVITE is out (UAC) or in (UAS) and no dialog exists yet.
    case idle
    /// A provisional response with a To tag created an early dialog (RFC 3261 §12.1, §13.2.2.1).
    case early
    /// A 2xx confirmed the dialog (RFC 3261 §13.2.2.4, §13.3.1.4).
    case confirmed
    /// A BYE is out and its response pending (RFC 3261 §15.1.1).
    case terminating
    /// The session is over; see the ``InviteSessionEvent/terminated(_:)`` event for why.
    case terminated
}
