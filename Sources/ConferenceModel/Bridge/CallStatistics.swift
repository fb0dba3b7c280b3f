/// SEMS webconference's call counters (`WCCCallStats`, spec §12.2): every call that ends is
/// counted, a call that joined a room and left it adds its connected seconds, any other is failed.
public struct CallStatistics: Sendable, Hashable {
    /// Calls ended.
    public var total: Int
    /// Calls that never both joined and left a room: wrong rooms, hang-ups during PIN entry,
    /// failed dial-outs.
    public var failed: Int
    /// Connected seconds of the successful calls.
    public var seconds: Int

    /// Creates counters.
    public init(total: Int = 0, failed: Int = 0, seconds: Int = 0) {
        self.total = total
        self.failed = failed
        self.seconds = seconds
    }

    /// Reads the `stats` file: `total\nfailed\nseconds`, as SEMS writes it. `nil` if it is not
    /// three decimal numbers.
    public init?(fileContents: String) {
        let numbers = fileContents.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard numbers.count == 3 else { return nil }
        self.init(total: numbers[0], failed: numbers[1], seconds: numbers[2])
    }

    /// Counts one ended call: `connectedSeconds` when it joined and left a room, `nil` otherwise.
    public mutating func recordCall(connectedSeconds: Int?) {
        total += 1
        if let connectedSeconds {
            seconds += connectedSeconds
        } else {
            failed += 1
        }
    }

    /// The `stats` file: three decimal numbers, no trailing newline.
    public var fileContents: String { "\(total)\n\(failed)\n\(seconds)" }

    /// The part of serverInfo after `active/`: `<total> total/<connected> connect/<minutes> min`.
    public var summary: String { "\(total) total/\(total - failed) connect/\(seconds / 60) min" }
}
