extension StringProtocol {
    /// ASCII case-insensitive comparison, as SIP's tokens compare (RFC 3261 §7.3.1). No allocation.
    func caseInsensitiveEquals<Other: StringProtocol>(_ other: Other) -> Bool {
        let lhs = utf8, rhs = other.utf8
        guard lhs.count == rhs.count else { return false }
        for (a, b) in zip(lhs, rhs) where a != b {
            guard a.asciiLowercased == b.asciiLowercased else { return false }
        }
        return true
    }
}

extension UInt8 {
    /// This byte lower-cased if it is an ASCII capital letter.
    var asciiLowercased: UInt8 { (self >= 0x41 && self <= 0x5A) ? self | 0x20 : self }
}
