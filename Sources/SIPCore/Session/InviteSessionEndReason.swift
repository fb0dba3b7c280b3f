/// Why an INVITE session ended.
public enum InviteSessionEndReason: Sendable, Hashable {
    /// This side sent BYE.
    case localHangUp
    /// The peer sent BYE (RFC 3261 §15.1.2).
    case remoteHangUp
    /// The INVITE was cancelled before a final response (RFC 3261 §9): by this UA as UAC, by the peer as UAS.
    case cancelled
    /// The INVITE got (UAC) or was given (UAS) a final non-2xx response; a second digest
    /// challenge ends a call this way too (RFC 3261 §22.2).
    case rejected(statusCode: Int, reasonPhrase: String)
    /// The 2xx was never acknowledged within 64·T1 (RFC 3261 §13.3.1.4).
    case acknowledgementTimeout
    /// No session refresh came before the session interval ran out (RFC 4028 §10).
    case sessionExpired
    /// An in-dialog request got 481 or 408 or no answer at all, which ends the dialog (RFC 3261 §12.2.1.2).
    case dialogLost(statusCode: Int)
}
