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
    private static let branchPrefix = Array(FanOutRequestWriter.branchPrefix.utf8)

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

    /// The identifier of the first Via line's branch, when the line's first value has a fan-out branch.
    private static func topViaIdentifier(_ bytes: [UInt8]) -> UInt64? {
        var lineStart = HeaderLineScanning.nextLine(bytes, after: 0)
        while lineStart < bytes.count {
            let lineEnd = HeaderLineScanning.lineEnd(bytes, from: lineStart)
            guard lineEnd > lineStart, bytes[lineStart] != UInt8(ascii: " "), bytes[lineStart] != UInt8(ascii: "\t") else {
                return nil  // end of headers before any Via, or a folded line
            }
            if let colon = bytes[lineStart..<lineEnd].firstIndex(of: UInt8(ascii: ":")),
               HeaderLineScanning.isVia(HeaderLineScanning.packedName(bytes[lineStart..<colon]))
            {
                return HeaderLineScanning.branchValue(in: bytes[(colon + 1)..<lineEnd]).flatMap { identifier(in: bytes[$0]) }
            }
            lineStart = HeaderLineScanning.nextLine(bytes, after: lineEnd)
        }
        return nil
    }

    /// The identifier of a fan-out branch: the prefix, exactly, then 16 hex digits and nothing more.
    private static func identifier(in branch: ArraySlice<UInt8>) -> UInt64? {
        let digits = branch.dropFirst(branchPrefix.count)
        guard branch.starts(with: branchPrefix), digits.count == FanOutRequestWriter.identifierDigits else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            guard let nibble = HexDigit.value(byte) else { return nil }
            value = value << 4 | UInt64(nibble)
        }
        return value
    }
}
