/// One header field to add to a SIP message: a challenge or credentials, already rendered.
public struct DigestHeaderField: Sendable, Hashable {
    /// The header name, for example `WWW-Authenticate` or `Proxy-Authorization`.
    public var name: String
    /// The header value, starting with the `Digest` scheme.
    public var value: String

    /// Creates a header field.
    ///
    /// - Parameters:
    ///   - name: The header name.
    ///   - value: The header value.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
