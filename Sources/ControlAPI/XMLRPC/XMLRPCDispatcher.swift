/// XML-RPC without the transport: turns a request body into a response by running methods from
/// a table, with XmlRpc++'s built-ins `system.multicall` and (a Parley addition)
/// `system.listMethods`.
public struct XMLRPCDispatcher: Sendable {
    /// The methods by name.
    public let methods: [String: XMLRPCMethod]
    /// The deepest element nesting a request may have.
    public let maximumDepth: Int

    private static let multicall = "system.multicall"
    private static let listMethods = "system.listMethods"

    /// Creates a dispatcher serving `methods`.
    public init(methods: [String: XMLRPCMethod], maximumDepth: Int = XMLRPCMethodCall.defaultMaximumDepth) {
        self.methods = methods
        self.maximumDepth = maximumDepth
    }

    /// Answers one request body; never throws, every failure is a fault.
    public func response(to body: [UInt8]) async -> XMLRPCMethodResponse {
        let call: XMLRPCMethodCall
        do throws(XMLRPCFault) {
            call = try XMLRPCMethodCall(parsing: body, maximumDepth: maximumDepth)
        } catch {
            return .fault(error)
        }
        return await response(to: call)
    }

    /// Runs one parsed call.
    public func response(to call: XMLRPCMethodCall) async -> XMLRPCMethodResponse {
        do throws(XMLRPCFault) {
            if call.methodName == Self.multicall {
                return .value(try await runMulticall(call.parameters))
            }
            return .value(try await run(call.methodName, call.parameters))
        } catch {
            return .fault(error)
        }
    }

    /// The names `system.listMethods` reports: the table and the two built-ins, sorted.
    public var methodNames: [String] {
        (Array(methods.keys) + [Self.multicall, Self.listMethods]).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private func run(_ name: String, _ parameters: [XMLRPCValue]) async throws(XMLRPCFault) -> XMLRPCValue {
        if name == Self.listMethods, methods[name] == nil {
            return .array(methodNames.map(XMLRPCValue.string))
        }
        guard let method = methods[name] else { throw .unknownMethod(name) }
        return try await method(parameters)
    }

    /// `system.multicall([{methodName, params}…])`: each call's value wrapped in a one-element
    /// array, or its fault struct, in order (XmlRpc++ `executeMulticall`). A nested multicall is
    /// an unknown method there too.
    private func runMulticall(_ parameters: [XMLRPCValue]) async throws(XMLRPCFault) -> XMLRPCValue {
        guard parameters.count == 1, case .array(let calls) = parameters[0] else {
            throw XMLRPCFault(code: -1, string: "system.multicall expected array of structs")
        }
        var results: [XMLRPCValue] = []
        for call in calls {
            guard case .struct(let members) = call, case .string(let name)? = members["methodName"],
                case .array(let arguments)? = members["params"]
            else {
                throw XMLRPCFault(code: -1, string: "system.multicall expected struct")
            }
            do throws(XMLRPCFault) {
                results.append(.array([try await run(name, arguments)]))
            } catch {
                results.append(.struct(["faultCode": .int(error.code), "faultString": .string(error.string)]))
            }
        }
        return .array(results)
    }
}
