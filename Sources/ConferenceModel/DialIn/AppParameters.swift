/// The parameters of a `P-App-Param` header: `key=value` pairs separated by `;`, as SEMS reads them
/// for `enter_room`, `room` and `participant_id_param` (spec §6; SEMS `get_header_param`).
///
/// Blanks around keys and values are ignored, a value in double quotes loses its quotes, a
/// parameter without `=` has the empty value, and when a key appears twice the first one counts.
/// Keys are compared case-sensitively, as SEMS does.
public struct AppParameters: Sendable, Hashable {
    /// The parameters in header order.
    public let pairs: [(key: String, value: String)]

    /// Parses a `P-App-Param` header value; `nil` or `""` gives no parameters.
    public init(header: String?) {
        var pairs: [(key: String, value: String)] = []
        for field in (header ?? "").split(separator: ";") {
            let key: Substring
            var value: Substring
            if let equals = field.firstIndex(of: "=") {
                key = field[..<equals]
                value = field[field.index(after: equals)...]
            } else {
                key = field
                value = ""
            }
            let trimmedKey = Self.trimmingBlanks(key)
            guard !trimmedKey.isEmpty else { continue }
            value = Self.trimmingBlanks(value)
            if value.count >= 2, value.first == "\"", value.last == "\"" {
                value = value.dropFirst().dropLast()
            }
            pairs.append((String(trimmedKey), String(value)))
        }
        self.pairs = pairs
    }

    /// The value of the first parameter named `key`, or `nil` when there is none.
    public subscript(key: String) -> String? {
        pairs.first { $0.key == key }?.value
    }

    /// Two parameter lists are equal when they hold the same pairs in the same order.
    public static func == (lhs: AppParameters, rhs: AppParameters) -> Bool {
        lhs.pairs.elementsEqual(rhs.pairs) { $0.key == $1.key && $0.value == $1.value }
    }

    /// Hashes the pairs in order.
    public func hash(into hasher: inout Hasher) {
        for pair in pairs {
            hasher.combine(pair.key)
            hasher.combine(pair.value)
        }
    }

    private static func trimmingBlanks(_ text: Substring) -> Substring {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isBlank($0) }),
              let last = text.lastIndex(where: { !isBlank($0) })
        else { return "" }
        return text[first...last]
    }
}
