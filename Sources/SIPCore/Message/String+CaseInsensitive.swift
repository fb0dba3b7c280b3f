extension StringProtocol {
    /// ASCII case-insensitive comparison, as SIP's tokens compare (RFC 3261 §7.3.1). No allocation;
    /// native strings are compared as contiguous byte buffers.
    func caseInsensitiveEquals<Other: StringProtocol>(_ other: Other) -> Bool {
        let contiguous = utf8.withContiguousStorageIfAvailable { lhs in
            other.utf8.withContiguousStorageIfAvailable { rhs in Self.caseInsensitiveEquals(lhs, rhs) }
        }
        if let contiguous, let result = contiguous { return result }
        let lhs = utf8, rhs = other.utf8
        guard lhs.count == rhs.count else { return false }
        for (a, b) in zip(lhs, rhs) where a != b && a.asciiLowercased != b.asciiLowercased {
            return false
        }
        return true
    }

    private static func caseInsensitiveEquals(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for index in 0..<lhs.count where lhs[index] != rhs[index] {
            guard lhs[index].asciiLowercased == rhs[index].asciiLowercased else { return false }
        }
        return true
    }
}

extension UInt8 {
    /// This byte lower-cased if it is an ASCII capital letter.
    var asciiLowercased: UInt8 { (self >= 0x41 && self <= 0x5A) ? self | 0x20 : self }
}
