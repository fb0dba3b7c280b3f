/// Why a call's SIP session ended, as far as the conference needs to know (the row it leaves
/// behind, spec §8.4).
public enum ConferenceCallEndReason: Sendable, Hashable {
    /// The bridge hung up (BYE or CANCEL it sent).
    case localHangUp
    /// The peer sent BYE.
    case remoteHangUp
    /// The INVITE was cancelled before a final response.
    case cancelled
    /// The INVITE got, or was given, a final non-2xx response: `486 Busy Here` stays on a
    /// dial-out's row, which tells the operator why.
    case rejected(statusCode: Int, reasonPhrase: String)
    /// The dialog died without a BYE: no ACK, no session refresh, an in-dialog request lost.
    case lost
}
