/// One `;name[=value]` parameter of a URI, a header field value or a URI header (`?name=value`).
///
/// Parameters keep their order and their original case (RFC 3261 §19.1.1, §20): a list, not a dictionary.
public struct SIPParameter: Sendable, Hashable {
    /// The parameter name as received.
    public var name: String
    /// The value, or `nil` for a flag parameter such as `;lr`.
    public var value: String?

    /// Creates a parameter.
    public init(name: String, value: String? = nil) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == SIPParameter {
    /// The value of the first parameter named `name` (case-insensitive); `.some(nil)` for a flag parameter.
    public func value(named name: String) -> String?? {
        for parameter in self where parameter.name.caseInsensitiveEquals(name) {
            return .some(parameter.value)
        }
        return .none
    }

    /// Whether a parameter named `name` is present (case-insensitive).
    public func contains(named name: String) -> Bool {
        contains { $0.name.caseInsensitiveEquals(name) }
    }

    /// Sets (replacing the first of that name) or appends a parameter.
    public mutating func set(_ name: String, to value: String?) {
        if let index = firstIndex(where: { $0.name.caseInsensitiveEquals(name) }) {
            self[index].value = value
        } else {
            append(SIPParameter(name: name, value: value))
        }
    }

    /// Removes every parameter named `name` (case-insensitive).
    public mutating func remove(named name: String) {
        removeAll { $0.name.caseInsensitiveEquals(name) }
    }

    /// Renders the list as `;a=b;c` (or `?a=b&c=d` with `separator: "&"` and `leading: "?"`).
    func rendered(leading: Character = ";", separator: Character = ";") -> String {
        var text = ""
        for (index, parameter) in enumerated() {
            text.append(index == 0 ? leading : separator)
            text += parameter.name
            if let value = parameter.value {
                text += "="
                text += value
            }
        }
        return text
    }
}
