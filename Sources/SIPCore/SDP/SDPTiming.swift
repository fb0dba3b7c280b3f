/// A `t=` line and the `r=` lines that follow it (RFC 4566 §5.9, §5.10).
public struct SDPTiming: Sendable, Hashable {
    /// Start time as an NTP timestamp in seconds; `0` for an unbounded session.
    public var start: UInt64
    /// Stop time as an NTP timestamp in seconds; `0` for an unbounded session.
    public var stop: UInt64
    /// The values of the `r=` lines after this `t=`, kept as written: SIP sessions never
    /// repeat, so they are carried only to serialize the description unchanged.
    public var repeatTimes: [String]

    /// Creates a timing; `t=0 0` (permanent, RFC 3264 §5) by default.
    public init(start: UInt64 = 0, stop: UInt64 = 0, repeatTimes: [String] = []) {
        self.start = start
        self.stop = stop
        self.repeatTimes = repeatTimes
    }
}
