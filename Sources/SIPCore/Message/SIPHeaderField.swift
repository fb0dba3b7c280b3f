/// One header field line as received or to be sent: name and raw value (folding already undone).
public struct SIPHeaderField: Sendable, Hashable {
    /// The name as written (any case, compact or long form).
    public var name: String
    /// The value with surrounding whitespace removed and line folding replaced by a space (RFC 3261 §7.3.1).
    public var value: String

    /// Creates a header field.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
