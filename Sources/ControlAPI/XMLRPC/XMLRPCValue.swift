/// A value as XML-RPC carries it in `<param>`s and `<methodResponse>`s (XML-RPC specification,
/// "Scalar <value>s", "<struct>s", "<array>s").
///
/// `<i4>` and `<int>` both read as ``int(_:)``; an untyped `<value>text</value>` reads as a
/// string, as XmlRpc++ reads it (spec §2.3). `<nil/>` is not part of XML-RPC and XmlRpc++ 0.8
/// refuses it; it is read as ``nil`` so that the front door can refuse it with SEMS's fault
/// rather than call the whole document malformed.
public enum XMLRPCValue: Sendable, Hashable {
    /// `<i4>` / `<int>`, written as `<i4>` (32-bit range on the wire).
    case int(Int)
    /// `<boolean>` `0` or `1`.
    case bool(Bool)
    /// `<string>`, or untyped text.
    case string(String)
    /// `<double>`.
    case double(Double)
    /// `<base64>`, decoded.
    case base64([UInt8])
    /// `<dateTime.iso8601>`, kept as its text (`19980717T14:08:55`): the format has no zone and
    /// no method here takes one.
    case dateTime(String)
    /// `<array>`.
    case array([XMLRPCValue])
    /// `<struct>`. Members are written in byte order of their names, as XmlRpc++'s `std::map`
    /// writes them.
    case `struct`([String: XMLRPCValue])
    /// `<nil/>`, an extension XmlRpc++ does not accept.
    case `nil`

    /// The type's name, for fault texts.
    public var typeName: String {
        switch self {
        case .int: "int"
        case .bool: "boolean"
        case .string: "string"
        case .double: "double"
        case .base64: "base64"
        case .dateTime: "dateTime.iso8601"
        case .array: "array"
        case .struct: "struct"
        case .nil: "nil"
        }
    }
}

extension XMLRPCValue: ExpressibleByIntegerLiteral {
    /// An integer literal.
    public init(integerLiteral value: Int) { self = .int(value) }
}

extension XMLRPCValue: ExpressibleByStringLiteral {
    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }
}

extension XMLRPCValue: ExpressibleByArrayLiteral {
    /// An array literal.
    public init(arrayLiteral elements: XMLRPCValue...) { self = .array(elements) }
}

extension XMLRPCValue: ExpressibleByBooleanLiteral {
    /// A boolean literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
}
