/// What the endpoint reads of a response to a fan-out copy without parsing it: the status code
/// and the 64-bit identifier in the top Via's branch (see ``FanOutRequestWriter/branchPrefix``).
///
/// Only the top Via is looked at (RFC 3261 §17.1.3 matches by it), and only a plain one: a folded
/// header, a compact form with another Via value first, or any other branch yields `nil`, and the
/// message takes the ordinary path.
struct FanOutResponseGlance {
    /// The status code (100–699).
    let statusCode: Int
    /// The identifier the branch carries.
    let identifier: UInt64

    private static let statusLinePrefix = Array("SIP/2.0 ".utf8)
    private static let branchParameter = Array(";branch=\(FanOutRequestWriter.branchPrefix)".utf8)

    /// `nil` unless `bytes` is a response whose top Via carries a fan-out branch.
    init?(_ bytes: [UInt8]) {
        let prefix = Self.statusLinePrefix
        guard bytes.count > prefix.count + 3, bytes.starts(with: prefix) else { return nil }
        var code = 0
        for index in prefix.count..<(prefix.count + 3) {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            code = code * 10 + Int(digit)
        }
        guard (100...699).contains(code), let identifier = Self.topViaIdentifier(bytes) else { return nil }
        statusCode = code
        self.identifier = identifier
    }

    /// The identifier of the first Via line's branch, when that line is `Via:` or `v:` and its
    /// first value has a fan-out branch.
    private static func topViaIdentifier(_ bytes: [UInt8]) -> UInt64? {
        var lineStart = HeaderLineScanning.nextLine(bytes, after: 0)
        while lineStart < bytes.count {
            let lineEnd = HeaderLineScanning.lineEnd(bytes, from: lineStart)
            guard lineEnd > lineStart, bytes[lineStart] != UInt8(ascii: " "), bytes[lineStart] != UInt8(ascii: "\t") else {
                return nil  // end of headers before any Via, or a folded line
            }
            if isViaLine(bytes, from: lineStart) {
                return branchIdentifier(bytes, from: lineStart, to: lineEnd)
            }
            lineStart = HeaderLineScanning.nextLine(bytes, after: lineEnd)
        }
        return nil
    }

    private static func isViaLine(_ bytes: [UInt8], from start: Int) -> Bool {
        var index = start
        var name: UInt32 = 0
        while index < bytes.count, index - start < 4, bytes[index] != UInt8(ascii: ":"),
              bytes[index] != UInt8(ascii: " "), bytes[index] != UInt8(ascii: "\t")
        {
            name = name << 8 | UInt32(bytes[index] | 0x20)
            index += 1
        }
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
        return name == 0x76_69_61 || name == 0x76  // "via", "v"
    }

    /// The identifier after `;branch=z9hG4bKp` in the line's first Via value: 16 hex digits,
    /// then the end of the parameter.
    private static func branchIdentifier(_ bytes: [UInt8], from start: Int, to end: Int) -> UInt64? {
        let pattern = branchParameter
        let digits = FanOutRequestWriter.identifierDigits
        var index = start
        while index + pattern.count + digits <= end, bytes[index] != UInt8(ascii: ",") {
            if bytes[index] == UInt8(ascii: ";"), matches(bytes, at: index, pattern) {
                let first = index + pattern.count
                var value: UInt64 = 0
                for position in first..<(first + digits) {
                    guard let nibble = HexDigit.value(bytes[position]) else { return nil }
                    value = value << 4 | UInt64(nibble)
                }
                let after = first + digits
                guard after == end || [UInt8(ascii: ";"), UInt8(ascii: ","), UInt8(ascii: " "), UInt8(ascii: "\t")]
                    .contains(bytes[after])
                else { return nil }
                return value
            }
            index += 1
        }
        return nil
    }

    /// Whether `pattern` is at `index`, its parameter name compared case-insensitively (RFC 3261
    /// §7.3.1) and the branch value exactly.
    private static func matches(_ bytes: [UInt8], at index: Int, _ pattern: [UInt8]) -> Bool {
        let nameLength = ";branch=".utf8.count
        for offset in 0..<pattern.count {
            let byte = bytes[index + offset]
            if offset < nameLength ? byte | 0x20 != pattern[offset] | 0x20 : byte != pattern[offset] { return false }
        }
        return true
    }
}
