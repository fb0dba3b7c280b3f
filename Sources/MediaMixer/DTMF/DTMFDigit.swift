/// A DTMF key, numbered by its RFC 4733 §3.2 event code (0–9, `*` = 10, `#` = 11, A–D = 12–15).
public enum DTMFDigit: UInt8, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Key 0.
    case zero = 0
    /// Key 1.
    case one
    /// Key 2.
    case two
    /// Key 3.
    case three
    /// Key 4.
    case four
    /// Key 5.
    case five
    /// Key 6.
    case six
    /// Key 7.
    case seven
    /// Key 8.
    case eight
    /// Key 9.
    case nine
    /// Key `*`.
    case star
    /// Key `#`.
    case pound
    /// Key A (fourth column of the 4×4 keypad).
    case a
    /// Key B.
    case b
    /// Key C.
    case c
    /// Key D.
    case d

    /// The key's character, as users dial it and SIP INFO carries it: `0`–`9`, `*`, `#`, `A`–`D`.
    public var character: Character {
        Self.characters[Int(rawValue)]
    }

    /// The digit for a keypad character, case-insensitive for A–D; `nil` for anything else.
    public init?(_ character: Character) {
        guard let index = Self.characters.firstIndex(of: Character(character.uppercased())) else { return nil }
        self.init(rawValue: UInt8(index))
    }

    /// The key's character as a string.
    public var description: String {
        String(character)
    }

    private static let characters: [Character] = Array("0123456789*#ABCD")
}
