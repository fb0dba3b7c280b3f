/// A body starts with the command marker but names no command (`#`, `# join`, `#\n`): Kamailio's
/// return code -20 (spec §2).
public struct IMCCommandParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Creates the error.
    public init() {}

    /// Says what is wrong.
    public var description: String { "no command name after the command marker" }
}
