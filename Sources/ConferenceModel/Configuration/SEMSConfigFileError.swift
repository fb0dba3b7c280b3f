/// Why a SEMS configuration file could not be read, with the place in it.
public struct SEMSConfigFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public enum Code: Sendable, Hashable {
        /// A line that is neither blank, a comment, an include nor `key=value`.
        case malformedLine
        /// A `"` value without its closing quote on the same line.
        case unterminatedQuote
        /// An `@path` include that could not be read.
        case includeUnreadable
        /// An `@path` include of a file that is already being read.
        case includeLoop
    }

    /// What went wrong.
    public let code: Code
    /// The file the problem is in.
    public let origin: String
    /// The 1-based line number.
    public let line: Int
    /// Details for the operator.
    public let detail: String

    /// Creates an error.
    public init(_ code: Code, origin: String, line: Int, detail: String) {
        self.code = code
        self.origin = origin
        self.line = line
        self.detail = detail
    }

    /// `file:line: what (detail)`.
    public var description: String {
        "\(origin):\(line): \(code) (\(detail))"
    }
}
