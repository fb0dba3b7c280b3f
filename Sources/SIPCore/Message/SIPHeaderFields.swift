/// The header fields of a message in their original order, with case-insensitive and compact-form
/// lookup (RFC 3261 §7.3). Like swift-http-types' `HTTPFields`, a list rather than a dictionary:
/// order matters between fields of the same name (§7.3.1).
public struct SIPHeaderFields: Sendable, Hashable, Sequence {
    private var fields: [SIPHeaderField]

    /// Creates a list of header fields.
    public init(_ fields: [SIPHeaderField] = []) {
        self.fields = fields
    }

    /// The number of header lines.
    public var count: Int { fields.count }

    /// Iterates the fields in order.
    public func makeIterator() -> IndexingIterator<[SIPHeaderField]> { fields.makeIterator() }

    /// The value of the first field named `name`.
    public subscript(_ name: SIPHeaderName) -> String? {
        fields.first { name.matches($0.name) }?.value
    }

    /// Every field value named `name`, in order (one entry per line; see ``splitValues(_:)``).
    public func values(_ name: SIPHeaderName) -> [String] {
        fields.filter { name.matches($0.name) }.map(\.value)
    }

    /// Every comma-separated element of every field named `name`, in order (RFC 3261 §7.3.1).
    public func splitValues(_ name: SIPHeaderName) -> [String] {
        values(name).flatMap(HeaderValueSplitter.split)
    }

    /// How many lines carry `name`.
    public func count(of name: SIPHeaderName) -> Int {
        fields.reduce(0) { $0 + (name.matches($1.name) ? 1 : 0) }
    }

    /// Appends a field after all others.
    public mutating func append(_ name: SIPHeaderName, _ value: String) {
        fields.append(SIPHeaderField(name: name.rawValue, value: value))
    }

    /// Inserts a field before the first one (e.g. a new top Via or Route).
    public mutating func prepend(_ name: SIPHeaderName, _ value: String) {
        fields.insert(SIPHeaderField(name: name.rawValue, value: value), at: 0)
    }

    /// Replaces the value of the first field named `name` (keeping its position), or appends it.
    public mutating func replaceFirst(_ name: SIPHeaderName, with value: String) {
        if let index = fields.firstIndex(where: { name.matches($0.name) }) {
            fields[index].value = value
        } else {
            append(name, value)
        }
    }

    /// Sets `name` to exactly one field with `value`, dropping any others of that name.
    public mutating func set(_ name: SIPHeaderName, _ value: String) {
        if let index = fields.firstIndex(where: { name.matches($0.name) }) {
            fields[index].value = value
            let later = fields.index(after: index)
            fields[later...].removeAll { name.matches($0.name) }
        } else {
            append(name, value)
        }
    }

    /// Removes every field named `name`.
    public mutating func remove(_ name: SIPHeaderName) {
        fields.removeAll { name.matches($0.name) }
    }
}
