/// A `<methodResponse>`: one value, or a fault.
public enum XMLRPCMethodResponse: Sendable, Hashable {
    /// `<params><param><value>…`.
    case value(XMLRPCValue)
    /// `<fault><value><struct>faultCode, faultString…`.
    case fault(XMLRPCFault)

    /// The body as XmlRpc++ 0.8 lays it out (`generateResponse`, `generateFaultResponse`,
    /// spec §2.1), line breaks and tab included, so that clients that read the raw text see
    /// what SEMS sends.
    public var xml: String {
        var text = "<?xml version=\"1.0\"?>\r\n<methodResponse>"
        switch self {
        case .value(let value):
            text += "<params><param>\r\n\t"
            value.write(to: &text)
            text += "\r\n</param></params>"
        case .fault(let fault):
            text += "<fault>\r\n\t"
            XMLRPCValue.struct(["faultCode": .int(fault.code), "faultString": .string(fault.string)]).write(to: &text)
            text += "\r\n</fault>"
        }
        text += "</methodResponse>\r\n"
        return text
    }

    /// Parses a response body, as a client does; used by tests.
    public init(parsing bytes: [UInt8]) throws(XMLRPCFault) {
        let root = try XMLRPCTreeBuilder.parse(bytes, maximumDepth: XMLRPCMethodCall.defaultMaximumDepth).get()
        guard root.name == "methodResponse", let body = root.onlyChild, let value = body.onlyChild else {
            throw .malformedRequest("not a <methodResponse>")
        }
        switch body.name {
        case "params":
            guard value.name == "param", let element = value.onlyChild else { throw .malformedRequest("<params> without one <param>") }
            self = .value(try XMLRPCValue(element: element))
        case "fault":
            guard case .struct(let members) = try XMLRPCValue(element: value),
                case .int(let code)? = members["faultCode"], case .string(let string)? = members["faultString"]
            else { throw .malformedRequest("<fault> without faultCode and faultString") }
            self = .fault(XMLRPCFault(code: code, string: string))
        default:
            throw .malformedRequest("<methodResponse> holds <\(body.name)>")
        }
    }
}
