/// A SIP method token (RFC 3261 §7.1, §25.1). Methods are case-sensitive.
public struct SIPMethod: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
    /// The method token as on the wire.
    public var rawValue: String

    /// Wraps a method token.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a method token.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// RFC 3261 §13.
    public static let invite = SIPMethod("INVITE")
    /// RFC 3261 §17.1.1.3.
    public static let ack = SIPMethod("ACK")
    /// RFC 3261 §15.
    public static let bye = SIPMethod("BYE")
    /// RFC 3261 §9.
    public static let cancel = SIPMethod("CANCEL")
    /// RFC 3261 §11.
    public static let options = SIPMethod("OPTIONS")
    /// RFC 3261 §10.
    public static let register = SIPMethod("REGISTER")
    /// RFC 3428.
    public static let message = SIPMethod("MESSAGE")
    /// RFC 6086.
    public static let info = SIPMethod("INFO")
    /// RFC 3311.
    public static let update = SIPMethod("UPDATE")
    /// RFC 3262.
    public static let prack = SIPMethod("PRACK")
    /// RFC 3515.
    public static let refer = SIPMethod("REFER")
    /// RFC 6665.
    public static let subscribe = SIPMethod("SUBSCRIBE")
    /// RFC 6665.
    public static let notify = SIPMethod("NOTIFY")

    /// The method token.
    public var description: String { rawValue }
}
