/// A Session-Expires value: `delta-seconds[;refresher=uac|uas]` (RFC 4028 §4).
public struct SessionExpires: Sendable, Hashable, CustomStringConvertible {
    /// Which side of the transaction carrying the header refreshes (RFC 4028 §4).
    public enum Refresher: String, Sendable, Hashable {
        /// The client of the transaction.
        case uac
        /// The server of the transaction.
        case uas
    }

    /// The session interval in seconds.
    public var seconds: Int
    /// The refresher, if named.
    public var refresher: Refresher?

    /// Creates a value.
    public init(seconds: Int, refresher: Refresher? = nil) {
        self.seconds = seconds
        self.refresher = refresher
    }

    /// Reads the Session-Expires of `message` (long or compact form); `nil` when absent or malformed.
    public init?(of message: SIPMessage) {
        guard let value = message.headers[.sessionExpires] else { return nil }
        let parts = value.split(separator: ";").map { $0.trimmingSIPWhitespace() }
        guard let first = parts.first, let seconds = Int(first), seconds > 0 else { return nil }
        self.seconds = seconds
        refresher = parts.dropFirst().lazy.compactMap { part -> Refresher? in
            let pair = part.split(separator: "=", maxSplits: 1).map { $0.trimmingSIPWhitespace().lowercased() }
            guard pair.count == 2, pair[0] == "refresher" else { return nil }
            return Refresher(rawValue: pair[1])
        }.first
    }

    /// The Min-SE of `message` in seconds, if present (RFC 4028 §5).
    public static func minimum(of message: SIPMessage) -> Int? {
        message.headers[.minSE].flatMap { Int($0.prefix { $0 != ";" }.trimmingSIPWhitespace()) }
    }

    /// The value as it goes on the wire.
    public var description: String {
        refresher.map { "\(seconds);refresher=\($0.rawValue)" } ?? String(seconds)
    }
}
