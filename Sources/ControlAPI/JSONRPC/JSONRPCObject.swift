/// A JSON object that keeps its members in order.
///
/// Foundation's `JSONSerialization` and `[String: Any]` lose key order; Kamailio's RPC replies
/// have a fixed one (`imc.list_rooms`: `room`, `members`, `owner`, spec §14), so Parley keeps it.
/// Setting a key that is already present replaces its value in place, which is also how a
/// duplicate key in parsed input behaves (the last value wins, as in ECMAScript's `JSON.parse`).
public struct JSONRPCObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// The keys, in order.
    public private(set) var keys: [String] = []
    /// The values, in the order of ``keys``.
    public private(set) var values: [JSONRPCValue] = []

    /// Creates an empty object.
    public init() {}

    /// Creates an object from key/value pairs in order; a repeated key keeps its first place and
    /// its last value.
    public init(_ members: some Sequence<(String, JSONRPCValue)>) {
        for (key, value) in members {
            self[key] = value
        }
    }

    /// Creates an object from a dictionary literal, keys in the order written.
    public init(dictionaryLiteral elements: (String, JSONRPCValue)...) {
        self.init(elements)
    }

    /// The number of members.
    public var count: Int { keys.count }

    /// The value for `key`; setting `nil` removes the member.
    public subscript(key: String) -> JSONRPCValue? {
        get {
            keys.firstIndex(of: key).map { values[$0] }
        }
        set {
            let index = keys.firstIndex(of: key)
            switch (index, newValue) {
            case (let index?, let value?):
                values[index] = value
            case (let index?, nil):
                keys.remove(at: index)
                values.remove(at: index)
            case (nil, let value?):
                keys.append(key)
                values.append(value)
            case (nil, nil):
                break
            }
        }
    }

    /// The members in order.
    public func makeIterator() -> Zip2Sequence<[String], [JSONRPCValue]>.Iterator {
        zip(keys, values).makeIterator()
    }
}
