/// A local transport failure (STYLE rule 5: local failures throw).
public struct SIPTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: Sendable, Hashable {
        /// A listener could not be bound.
        case bindFailed
        /// No socket can reach the destination (e.g. no UDP listener of that address family).
        case noRoute
        /// The destination in a URI or Via could not be turned into an address.
        case unresolvableDestination
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong, in words.
    public var reason: String

    /// Creates an error.
    public init(_ code: Code, _ reason: String) {
        self.code = code
        self.reason = reason
    }

    /// `code: reason`.
    public var description: String { "\(code): \(reason)" }
}
