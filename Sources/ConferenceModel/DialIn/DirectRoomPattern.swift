import Glibc

/// The compiled `direct_room_re`: a POSIX extended regular expression matched, unanchored, against
/// the user part of an incoming INVITE's request URI (spec §5, §6).
///
/// SEMS compiles it with `regcomp(REG_EXTENDED|REG_NOSUB)` and tests it with `regexec`; Parley does
/// the same through Glibc rather than Swift `Regex`, because the two dialects differ (bracket
/// expressions, `{n,m}`, leftmost-longest) and an operator's existing pattern must mean the same.
/// The pattern is compiled once, when the settings are built.
public final class DirectRoomPattern: @unchecked Sendable {
    // @unchecked Sendable: `compiled` is written only by `regcomp` in `init` and freed in `deinit`;
    // between the two it is only read by `regexec`, which POSIX requires to be thread-safe on a
    // compiled pattern (glibc takes its own internal lock).
    private let compiled: UnsafeMutablePointer<regex_t>

    /// The pattern as configured.
    public let pattern: String

    /// Compiles `pattern`.
    /// - Throws: ``DialInConfigurationError`` with code `invalidDirectRoomPattern` and the message
    ///   of `regerror` when the pattern does not compile.
    public init(_ pattern: String) throws {
        let compiled = UnsafeMutablePointer<regex_t>.allocate(capacity: 1)
        let status = regcomp(compiled, pattern, REG_EXTENDED | REG_NOSUB)
        guard status == 0 else {
            var message = [CChar](repeating: 0, count: 256)
            regerror(status, compiled, &message, message.count)
            compiled.deallocate()
            let detail = String(decoding: message.prefix { $0 != 0 }.map { UInt8(truncatingIfNeeded: $0) }, as: UTF8.self)
            throw DialInConfigurationError(.invalidDirectRoomPattern, key: "direct_room_re", value: pattern, detail: detail)
        }
        self.compiled = compiled
        self.pattern = pattern
    }

    deinit {
        regfree(compiled)
        compiled.deallocate()
    }

    /// Whether the pattern matches anywhere in `user` (unanchored, as `regexec` does).
    public func matches(_ user: String) -> Bool {
        regexec(compiled, user, 0, nil, 0) == 0
    }
}
