/// What an INVITE session tells its user.
public enum InviteSessionEvent: Sendable, Hashable {
    /// The peer made an offer (INVITE, re-INVITE, UPDATE, or a 2xx to an offerless INVITE,
    /// RFC 3264 §4): call ``InviteSession/answer(sdp:)`` (or reject a re-INVITE or UPDATE).
    case offerReceived(SessionDescription)
    /// The peer sent a re-INVITE without a body: ``InviteSession/answer(sdp:)`` gives this side's
    /// offer, answered in the ACK (RFC 3261 §14.2, RFC 3264 §4).
    case offerRequested
    /// A provisional response to the outgoing INVITE; `earlyMedia` is the answer of a 183 (RFC 3261 §13.2.2.1).
    case progress(statusCode: Int, earlyMedia: SessionDescription?)
    /// The peer answered this side's offer (in a 2xx or ACK, RFC 3264 §4).
    case answerReceived(SessionDescription)
    /// The dialog is confirmed and acknowledged: media may flow both ways (RFC 3261 §13.2.2.4, §13.3.1.4).
    case established
    /// A re-INVITE or UPDATE changed the peer's media description; `isOnHold` when the peer
    /// put the call on hold (`a=sendonly`, `a=inactive`, `c=0.0.0.0`, RFC 3264 §8.4).
    case mediaChanged(SessionDescription, isOnHold: Bool)
    /// This side's re-INVITE or UPDATE was turned down; the session goes on unchanged (RFC 3261 §14.1).
    case offerRejected(statusCode: Int)
    /// An INFO request arrived in the dialog (RFC 6086), e.g. `application/dtmf-relay`.
    case info(contentType: String?, body: [UInt8])
    /// The session is over.
    case terminated(InviteSessionEndReason)
}
