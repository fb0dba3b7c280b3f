/// The body of a SIP INFO request of type `application/dtmf-relay`, as Cisco and most phones send
/// it (no RFC defines it; RFC 6086 §1 names it among the legacy INFO usages):
///
/// ```
/// Signal=5
/// Duration=160
/// ```
///
/// `Signal` is the key, `Duration` the press in milliseconds. Parsing tolerates any line ending,
/// spaces around names and values, and any case in names and in A–D.
public struct DTMFRelayBody: Hashable, Sendable {
    /// The key.
    public var digit: DTMFDigit
    /// The press length in milliseconds, or `nil` when the body has no usable `Duration`.
    public var durationMilliseconds: Int?

    /// Creates a body.
    public init(digit: DTMFDigit, durationMilliseconds: Int?) {
        self.digit = digit
        self.durationMilliseconds = durationMilliseconds
    }

    /// Parses a body; `nil` without a `Signal` line naming one DTMF key.
    public init?(_ text: some StringProtocol) {
        var digit: DTMFDigit?
        var duration: Int?
        for line in String(text).split(whereSeparator: \.isNewline) {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let name = line[..<equals].trimmingWhitespace().lowercased()
            let value = line[line.index(after: equals)...].trimmingWhitespace()
            switch name {
            case "signal":
                // `Signal=10` and `Signal=11` are how some phones spell `*` and `#`.
                if value.count == 1, let character = value.first {
                    digit = DTMFDigit(character)
                } else if let code = UInt8(value) {
                    digit = DTMFDigit(rawValue: code)
                }
            case "duration":
                duration = Int(value)
            default:
                continue
            }
        }
        guard let digit else { return nil }
        self.init(digit: digit, durationMilliseconds: duration)
    }

    /// The body text, with CRLF line ends.
    public var text: String {
        var body = "Signal=\(digit.character)\r\n"
        if let durationMilliseconds { body += "Duration=\(durationMilliseconds)\r\n" }
        return body
    }

    /// The press as an event of the same stream RTP events and in-band detection feed.
    public var event: DTMFEvent {
        DTMFEvent(digit: digit, duration: .milliseconds(durationMilliseconds ?? 0), source: .sipInfo)
    }
}

extension Substring {
    /// The substring without leading and trailing spaces and tabs.
    fileprivate func trimmingWhitespace() -> Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start..<Swift.max(start, end)]
    }
}
