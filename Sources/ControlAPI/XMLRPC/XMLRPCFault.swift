/// An XML-RPC fault: `<fault>` with `faultCode` and `faultString`, in SEMS xmlrpc2di's codes and
/// texts (spec §2.1, §2.3). Methods throw it; the server sends it as the response.
public struct XMLRPCFault: Error, Sendable, Hashable, CustomStringConvertible {
    /// `faultCode`.
    public var code: Int
    /// `faultString`.
    public var string: String

    /// Creates a fault.
    public init(code: Int, string: String) {
        self.code = code
        self.string = string
    }

    /// `-1 "<name>: unknown method name"` (XmlRpc++ `executeRequest`).
    public static func unknownMethod(_ name: String) -> XMLRPCFault {
        XMLRPCFault(code: -1, string: "\(name): unknown method name")
    }

    /// `300 "Exception: Type mismatch in arguments."` (`AmArg::TypeMismatch`).
    public static let typeMismatch = XMLRPCFault(code: 300, string: "Exception: Type mismatch in arguments.")

    /// `300 "Exception: AmArg out of bounds - parameter number mismatch."` (`AmArg::OutOfBoundsException`).
    public static let parameterCountMismatch = XMLRPCFault(
        code: 300, string: "Exception: AmArg out of bounds - parameter number mismatch.")

    /// `504 "Exception: AmDynInvoke::NotImplemented: <function>"`.
    public static func notImplemented(_ function: String) -> XMLRPCFault {
        XMLRPCFault(code: 504, string: "Exception: AmDynInvoke::NotImplemented: \(function)")
    }

    /// `400 "need at least factory name and function name to call"` from `di` with fewer than two params.
    public static let diNeedsFactoryAndFunction = XMLRPCFault(
        code: 400, string: "need at least factory name and function name to call")

    /// `500 "could not get factory"` from `di` with an unknown interface name.
    public static let unknownFactory = XMLRPCFault(code: 500, string: "could not get factory")

    /// `400 "unsupported parameter type"` for `<dateTime.iso8601>` and `<nil/>` arguments.
    public static let unsupportedParameterType = XMLRPCFault(code: 400, string: "unsupported parameter type")

    /// A request Parley cannot read: not XML, not a `<methodCall>`, too deep or too large. XmlRpc++
    /// answers such a request with an unknown-method fault for an empty name; Parley keeps code
    /// `-1` and says what was wrong.
    public static func malformedRequest(_ detail: String) -> XMLRPCFault {
        XMLRPCFault(code: -1, string: "malformed methodCall: \(detail)")
    }

    /// `<code> <string>`.
    public var description: String { "\(code) \(string)" }
}
