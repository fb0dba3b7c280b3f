import ControlAPI

/// Remembers the notifications the server ran, to prove they ran though nothing was answered.
actor CallRecorder {
    private(set) var calls: [JSONRPCParameters] = []

    func record(_ parameters: JSONRPCParameters) {
        calls.append(parameters)
    }
}

/// A small method table exercising results, parameter errors and application errors.
enum TestMethods {
    static func table(recorder: CallRecorder = CallRecorder()) -> [String: JSONRPCMethod] {
        [
            "sum": { parameters throws(JSONRPCError) in
                var total = 0
                for value in parameters.values {
                    guard let term = value.intValue else { throw .invalidParams("sum takes integers") }
                    total += term
                }
                return .int(total)
            },
            "echo": { parameters throws(JSONRPCError) in
                switch parameters {
                case .none: .null
                case .positional(let values): .array(values)
                case .named(let object): .object(object)
                }
            },
            "room": { _ throws(JSONRPCError) in
                ["room": "sip:chat-1@imc.test", "members": 2, "owner": "sip:alice@imc.test"]
            },
            "find": { _ throws(JSONRPCError) in
                throw JSONRPCError(code: JSONRPCError.Code(500), message: "Room not found")
            },
            "record": { parameters throws(JSONRPCError) in
                await recorder.record(parameters)
                return .null
            },
        ]
    }
}
