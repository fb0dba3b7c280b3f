/// What every INVITE session of a user agent shares: its Contact, timers and extensions.
public struct InviteSessionConfiguration: Sendable {
    /// The Contact this UA puts in its INVITEs and 2xx (its local target, RFC 3261 §12.1).
    public var contact: SIPURI
    /// T1 and T2, for the 2xx retransmission schedule (RFC 3261 §13.3.1.4).
    public var transactions: TransactionConfiguration
    /// Session timer settings; `nil` (the default) uses none of RFC 4028.
    public var sessionTimers: SessionTimerConfiguration?
    /// The methods advertised in Allow (RFC 3261 §20.5); UPDATE in the peer's Allow decides how
    /// sessions are refreshed (RFC 4028 §7.4).
    public var allowedMethods: [SIPMethod]
    /// The top Via of each request this UA sends, with a fresh branch (RFC 3261 §8.1.1.7).
    public var makeVia: @Sendable () -> SIPVia
    /// How long to wait before re-sending a re-INVITE or UPDATE that got 491 (RFC 3261 §14.1):
    /// given whether this UA chose the Call-ID, a random delay in 2.1–4 s (owner) or 0–2 s.
    public var glareRetryDelay: @Sendable (_ ownsCallID: Bool) -> Duration

    /// Creates a configuration.
    public init(
        contact: SIPURI, transactions: TransactionConfiguration = .init(),
        sessionTimers: SessionTimerConfiguration? = nil,
        allowedMethods: [SIPMethod] = [.invite, .ack, .bye, .cancel, .update, .info, .options],
        makeVia: @escaping @Sendable () -> SIPVia,
        glareRetryDelay: @escaping @Sendable (_ ownsCallID: Bool) -> Duration = Self.randomGlareRetryDelay
    ) {
        self.contact = contact
        self.transactions = transactions
        self.sessionTimers = sessionTimers
        self.allowedMethods = allowedMethods
        self.makeVia = makeVia
        self.glareRetryDelay = glareRetryDelay
    }

    /// RFC 3261 §14.1: the Call-ID owner waits 2.1–4 s, the other side 0–2 s, in 10 ms units.
    public static func randomGlareRetryDelay(ownsCallID: Bool) -> Duration {
        .milliseconds(ownsCallID ? Int.random(in: 210...400) * 10 : Int.random(in: 0...200) * 10)
    }

    /// The Allow value.
    var allowHeader: SIPHeaderField {
        SIPHeaderField(name: SIPHeaderName.allow.rawValue, value: allowedMethods.map(\.rawValue).joined(separator: ", "))
    }
}
