/// The one directory `resetFeedback` may open files in.
///
/// SEMS's `resetFeedback(path)` truncates any file the server may write, over unauthenticated
/// XML-RPC (spec §14 B8). Parley resolves the name against a configured directory and refuses
/// anything that would leave it.
public struct FeedbackDirectory: Sendable, Hashable {
    /// The directory, an absolute path without a trailing `/`.
    public let path: String

    /// Creates the rule for `path`; `nil` unless it is absolute. Trailing `/`s are dropped.
    public init?(path: String) {
        guard path.hasPrefix("/") else { return nil }
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        self.path = trimmed == "/" ? "" : String(trimmed)
    }

    /// The file a `resetFeedback` argument names: a relative name is taken inside the directory,
    /// an absolute one must lie inside it. `nil` when it is empty, contains `..`, a NUL, or names
    /// the directory itself.
    public func resolve(_ name: String) -> String? {
        guard !name.isEmpty, !name.contains("\0") else { return nil }
        var relative = Substring(name)
        if name.hasPrefix("/") {
            guard name.hasPrefix(path + "/") else { return nil }
            relative = name.dropFirst(path.count + 1)
        }
        let components = relative.split(separator: "/", omittingEmptySubsequences: true)
        guard !components.isEmpty, !components.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        return path + "/" + components.joined(separator: "/")
    }
}
