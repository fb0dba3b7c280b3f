/// What an ``InviteSession`` asks its driver to do, in order, after each input (the sans-I/O output).
public enum InviteSessionAction: Sendable {
    /// Send the request in a new client transaction and feed its responses (and any later 2xx,
    /// RFC 6026 §7.2) to ``InviteSession/receive(response:)``, or a timeout to
    /// ``InviteSession/requestFailed(_:)``. The destination is the first Route or the Request-URI.
    case sendRequest(SIPMessage)
    /// Send an ACK for a 2xx outside any transaction (RFC 3261 §13.2.2.4), to the first Route or the Request-URI.
    case sendACK(SIPMessage)
    /// Send the response through the server transaction of the request with the same CSeq.
    case sendResponse(SIPMessage)
    /// Arm `timer`, replacing it if armed.
    case schedule(InviteSessionTimer, after: Duration)
    /// Disarm `timer`.
    case cancel(InviteSessionTimer)
    /// Tell the user.
    case report(InviteSessionEvent)
}
