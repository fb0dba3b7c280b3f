/// This UA's session timer settings (RFC 4028). Sessions use none unless a configuration is given.
public struct SessionTimerConfiguration: Sendable, Hashable {
    /// The smallest session interval RFC 4028 §4 allows anyone to ask for.
    public static let absoluteMinimum = 90

    /// The session interval this UA asks for, in seconds (RFC 4028 §4 recommends 1800).
    public var sessionExpires: Int
    /// The smallest interval this UA accepts (Min-SE, RFC 4028 §5); requests below it get 422.
    public var minimumSessionExpires: Int
    /// Whether this UA offers to be the refresher (`refresher=uac` in its INVITEs, `refresher=uas`
    /// when it answers a UAC that left the choice open, RFC 4028 §7.1, §9).
    public var prefersToRefresh: Bool

    /// Creates a configuration; intervals below 90 s are raised to it (RFC 4028 §4).
    public init(sessionExpires: Int = 1800, minimumSessionExpires: Int = 90, prefersToRefresh: Bool = false) {
        let minimum = max(minimumSessionExpires, Self.absoluteMinimum)
        self.minimumSessionExpires = minimum
        self.sessionExpires = max(sessionExpires, minimum)
        self.prefersToRefresh = prefersToRefresh
    }
}
