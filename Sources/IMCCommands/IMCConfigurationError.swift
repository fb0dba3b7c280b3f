/// Why an ``IMCConfiguration`` was refused.
public struct IMCConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    public enum Code: Sendable, Hashable {
        /// The command start string is empty: there is no marker byte to look for.
        case emptyCommandStart
        /// The hash size exponent is outside 1…24 (Kamailio refuses to start with `hash_size <= 0`).
        case hashSizeOutOfRange
        /// The body buffer is too small to hold any reply.
        case bodyBufferTooSmall
    }

    /// What was wrong.
    public var code: Code

    /// Creates an error.
    public init(_ code: Code) {
        self.code = code
    }

    /// The code, as text.
    public var description: String { "\(code)" }
}
