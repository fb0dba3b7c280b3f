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
    /// The largest Min-SE a 422 may ask for and still be retried with (SEMS `maximum_timer`):
    /// a peer that wants a longer interval is refused rather than obeyed (RFC 4028 §7.4 leaves
    /// the retry to the UAC).
    public var maximumSessionExpires: Int
    /// The request that refreshes the session.
    public var refreshMethod: SessionRefreshMethod
    /// Whether a 501 (Not Implemented) to a refresh counts as a refresh (SEMS `accept_501_reply`):
    /// the peer is alive, it just does not know the method.
    public var treatsNotImplementedAsRefreshed: Bool

    /// Creates a configuration; intervals below 90 s are raised to it (RFC 4028 §4).
    public init(
        sessionExpires: Int = 1800,
        minimumSessionExpires: Int = 90,
        maximumSessionExpires: Int = .max,
        prefersToRefresh: Bool = false,
        refreshMethod: SessionRefreshMethod = .updateFallingBackToInvite,
        treatsNotImplementedAsRefreshed: Bool = true
    ) {
        let minimum = max(minimumSessionExpires, Self.absoluteMinimum)
        self.minimumSessionExpires = minimum
        self.sessionExpires = max(sessionExpires, minimum)
        self.maximumSessionExpires = max(maximumSessionExpires, minimum)
        self.prefersToRefresh = prefersToRefresh
        self.refreshMethod = refreshMethod
        self.treatsNotImplementedAsRefreshed = treatsNotImplementedAsRefreshed
    }
}
