/// Why dial-in settings could not be built from configuration. SEMS refuses to load the
/// `webconference` module in each of these cases (`WebConferenceFactory::load`), so Parley refuses
/// to start rather than run with a setting it cannot honour.
public struct DialInConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Hashable {
        /// `direct_room_re` is not a valid POSIX extended regular expression.
        case invalidDirectRoomPattern
        /// A key that must hold a whole number ≥ 0 (`direct_room_strip`, `room_pin_split`) does not.
        case invalidNumber
    }

    /// What went wrong.
    public let code: Code
    /// The configuration key at fault.
    public let key: String
    /// The value given for it.
    public let value: String
    /// Details for the operator (for a pattern, the message of `regerror`).
    public let detail: String

    /// Creates an error.
    public init(_ code: Code, key: String, value: String, detail: String) {
        self.code = code
        self.key = key
        self.value = value
        self.detail = detail
    }

    /// `key='value': code (detail)`.
    public var description: String {
        "\(key)='\(value)': \(code) (\(detail))"
    }
}
