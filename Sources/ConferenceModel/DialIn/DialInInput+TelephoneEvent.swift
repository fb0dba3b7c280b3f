extension DialInInput {
    /// The key for an RFC 4733 telephone-event code (§3.2, table 1): 0–9 are the digits, 10 is `*`,
    /// 11 is `#`, 12–15 are `A`–`D`, as SEMS's `onDtmf` numbers them. Other codes (flash, tones)
    /// are not keys and give `nil`.
    public static func telephoneEvent(_ code: Int) -> DialInInput? {
        switch code {
        case 0...9: .digit(Character(String(code)))
        case 10: .digit("*")
        case 11: .digit("#")
        case 12...15: .digit(Character(UnicodeScalar(UInt8(ascii: "A") + UInt8(code - 12))))
        default: nil
        }
    }
}
