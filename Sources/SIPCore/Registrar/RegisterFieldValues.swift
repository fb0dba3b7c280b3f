/// Reads the numeric values a REGISTER carries: Expires (RFC 3261 §20.19), the Contact `expires`
/// parameter (§20.10) and the Contact `q` parameter (§20.10, `qvalue` of §25.1).
enum RegisterFieldValues {
    /// `delta-seconds`: 1*DIGIT, at most 2**32-1 (§20.19); `nil` when malformed.
    static func deltaSeconds(_ text: String) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let value = UInt32(text)
        else { return nil }
        return Int(value)
    }

    /// `qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )`; `nil` when malformed.
    static func qValue(_ text: String) -> Double? {
        let zero = UInt8(ascii: "0")
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first == zero || first == zero + 1 else { return nil }
        var thousandths = Int(first - zero) * 1000
        if bytes.count > 1 {
            let fraction = bytes.dropFirst(2)
            guard bytes[1] == UInt8(ascii: "."), fraction.count <= 3 else { return nil }
            let highestDigit = first == zero ? zero + 9 : zero
            var scale = 100
            for digit in fraction {
                guard digit >= zero, digit <= highestDigit else { return nil }
                thousandths += Int(digit - zero) * scale
                scale /= 10
            }
        }
        return Double(thousandths) / 1000
    }
}
