/// A parsed `<methodCall>`: the method's name and its parameters in order.
public struct XMLRPCMethodCall: Sendable, Hashable {
    /// `<methodName>`, without surrounding whitespace.
    public var methodName: String
    /// The `<param>` values.
    public var parameters: [XMLRPCValue]

    /// The deepest element nesting accepted by default: ample for any control call, small enough
    /// that walking the tree cannot exhaust a stack.
    public static let defaultMaximumDepth = 64

    /// Creates a call.
    public init(methodName: String, parameters: [XMLRPCValue]) {
        self.methodName = methodName
        self.parameters = parameters
    }

    /// Parses a request body. Anything that is not a well-formed `<methodCall>` of known value
    /// types throws a ``XMLRPCFault/malformedRequest(_:)`` fault.
    public init(parsing bytes: [UInt8], maximumDepth: Int = defaultMaximumDepth) throws(XMLRPCFault) {
        let root = try XMLRPCTreeBuilder.parse(bytes, maximumDepth: maximumDepth).get()
        guard root.name == "methodCall" else {
            throw .malformedRequest("the document element is <\(root.name)>, not <methodCall>")
        }
        guard let name = root.children.first(where: { $0.name == "methodName" })?.trimmedText, !name.isEmpty else {
            throw .malformedRequest("no <methodName>")
        }
        var parameters: [XMLRPCValue] = []
        for params in root.children where params.name == "params" {
            for param in params.children {
                guard param.name == "param", let value = param.onlyChild, value.name == "value" else {
                    throw .malformedRequest("<params> holds <\(param.name)> without one <value>")
                }
                parameters.append(try XMLRPCValue(element: value))
            }
        }
        self.init(methodName: name, parameters: parameters)
    }

    /// The call as XML, in the layout clients send; used by tests and clients of other servers.
    public var xml: String {
        var text = "<?xml version=\"1.0\"?>\r\n<methodCall><methodName>\(XMLRPCValue.escaped(methodName))</methodName>\r\n<params>"
        for parameter in parameters {
            text += "<param>"
            parameter.write(to: &text)
            text += "</param>"
        }
        text += "</params></methodCall>\r\n"
        return text
    }
}
