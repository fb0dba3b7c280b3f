/// The `params` of a request (JSON-RPC 2.0 §4.2): absent, by position, or by name.
public enum JSONRPCParameters: Sendable, Hashable {
    /// No `params` member.
    case none
    /// `params` is an array.
    case positional([JSONRPCValue])
    /// `params` is an object, members in the order sent.
    case named(JSONRPCObject)

    /// The parameter values in order.
    ///
    /// Named parameters are read by position too, in the order they were sent: Kamailio's
    /// jsonrpcs scans an object's members one after another exactly like an array's elements
    /// (`jsonrpc_scan` walks `params`' children), so `{"room": "sip:chat-1@imc.test"}` works
    /// wherever `["sip:chat-1@imc.test"]` does.
    public var values: [JSONRPCValue] {
        switch self {
        case .none: []
        case .positional(let values): values
        case .named(let object): object.values
        }
    }

    /// The value at `position` in ``values``, or `nil` past the end.
    public subscript(position: Int) -> JSONRPCValue? {
        let values = values
        return values.indices.contains(position) ? values[position] : nil
    }

    /// The value named `name`, for named parameters; `nil` otherwise.
    public subscript(name: String) -> JSONRPCValue? {
        if case .named(let object) = self { object[name] } else { nil }
    }
}
