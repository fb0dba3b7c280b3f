/// An `a=` line: a property attribute `a=<name>` or a value attribute `a=<name>:<value>`
/// (RFC 4566 §5.13). Unknown attributes are kept so that they serialize unchanged.
public struct SDPAttribute: Sendable, Hashable {
    /// The attribute name, e.g. `rtpmap`.
    public var name: String
    /// The text after the first colon; `nil` for a property attribute such as `sendonly`.
    public var value: String?

    /// Creates an attribute.
    public init(name: String, value: String? = nil) {
        self.name = name
        self.value = value
    }

    /// The line value after `a=`.
    var lineValue: String {
        value.map { "\(name):\($0)" } ?? name
    }
}

extension [SDPAttribute] {
    /// The values of every attribute called `name`, in order; attribute names are
    /// case-sensitive (RFC 4566 §5.13 defines them as tokens, all lower-case in practice).
    func values(named name: String) -> [String] {
        compactMap { $0.name == name ? $0.value : nil }
    }

    /// The media direction attribute among these, if any (RFC 3264 §5.1).
    var direction: MediaDirection? {
        lazy.compactMap { $0.value == nil ? MediaDirection(rawValue: $0.name) : nil }.first
    }

    /// The value of the `a=<name>:<format> <rest>` attribute for `format`, i.e. `<rest>`
    /// (the shape of `rtpmap` and `fmtp`, RFC 4566 §6).
    func formatSpecificValue(named name: String, format: String) -> String? {
        for value in values(named: name) {
            let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            if parts.count == 2, parts[0] == format {
                return parts[1].trimmingLeadingSpaces()
            }
        }
        return nil
    }
}

extension Substring {
    /// The text with leading spaces and tabs removed.
    func trimmingLeadingSpaces() -> String {
        String(drop { $0 == " " || $0 == "\t" })
    }
}
