/// A JSON value as JSON-RPC 2.0 carries it in `params`, `result`, `id` and `error.data`.
///
/// Integers and fractions stay apart (`1` is ``int(_:)``, `1.0` is ``double(_:)``) so an `id` or a
/// count goes back out exactly as it came in, and objects keep their key order (``JSONRPCObject``)
/// so Kamailio's `room`, `members`, `owner` order is what a client reads.
public enum JSONRPCValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number written without fraction or exponent that fits in an `Int`.
    case int(Int)
    /// Any other number. Non-finite values are written as `null`, JSON having no spelling for them.
    case double(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONRPCValue])
    /// An object, keys in order.
    case object(JSONRPCObject)

    /// The string, if this is a string.
    public var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// The integer, if this is an integer.
    public var intValue: Int? {
        if case .int(let value) = self { value } else { nil }
    }
}

extension JSONRPCValue: ExpressibleByNilLiteral {
    /// `nil` is `null`.
    public init(nilLiteral: ()) { self = .null }
}

extension JSONRPCValue: ExpressibleByBooleanLiteral {
    /// A boolean literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension JSONRPCValue: ExpressibleByIntegerLiteral {
    /// An integer literal.
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension JSONRPCValue: ExpressibleByFloatLiteral {
    /// A floating-point literal.
    public init(floatLiteral value: Double) { self = .double(value) }
}

extension JSONRPCValue: ExpressibleByStringLiteral {
    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension JSONRPCValue: ExpressibleByArrayLiteral {
    /// An array literal.
    public init(arrayLiteral elements: JSONRPCValue...) { self = .array(elements) }
}

extension JSONRPCValue: ExpressibleByDictionaryLiteral {
    /// A dictionary literal becomes an object with the keys in the order written.
    public init(dictionaryLiteral elements: (String, JSONRPCValue)...) {
        self = .object(JSONRPCObject(elements))
    }
}
