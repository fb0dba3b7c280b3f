extension InviteSession {
    /// The session timer this UA, as the UAS of `request` (an INVITE, re-INVITE or UPDATE),
    /// puts in its 2xx (RFC 4028 §9): the requested interval, lowered to this UA's preference but
    /// never below either Min-SE; the refresher the request named, else the one this UA prefers
    /// when the UAC supports `timer`, else this UA (a UAC without `timer` cannot refresh).
    func negotiateSessionTimer(for request: SIPMessage) -> NegotiatedSessionTimer? {
        guard let timers = configuration.sessionTimers else { return nil }
        let requested = SessionExpires(of: request)
        let requestedMinimum = SessionExpires.minimum(of: request) ?? 0
        var interval = max(timers.sessionExpires, requestedMinimum)
        if let requested { interval = min(requested.seconds, max(interval, requestedMinimum)) }
        let clientSupportsTimer = Self.lists("timer", in: request)
        let refresher: SessionExpires.Refresher
        if let named = requested?.refresher {
            refresher = named
        } else if !clientSupportsTimer {
            refresher = .uas
        } else if let sessionTimer {
            // A refresh that leaves the choice open keeps the refresher of the session (RFC 4028 §9).
            refresher = sessionTimer.localRefreshes ? .uas : .uac
        } else {
            refresher = timers.prefersToRefresh ? .uas : .uac
        }
        return NegotiatedSessionTimer(interval: interval, localRefreshes: refresher == .uas)
    }

    /// The session timer a 2xx to this UA's INVITE, re-INVITE or UPDATE sets (RFC 4028 §7.2):
    /// none without Session-Expires; this UA refreshes when it is named `uac` or nobody is.
    func acceptSessionTimer(from response: SIPMessage) -> NegotiatedSessionTimer? {
        guard configuration.sessionTimers != nil, let value = SessionExpires(of: response) else { return nil }
        return NegotiatedSessionTimer(interval: value.seconds, localRefreshes: (value.refresher ?? .uac) == .uac)
    }

    /// Sends the session refresh by the configured method: an UPDATE without body, or a re-INVITE
    /// with the unchanged description (RFC 4028 §7.4, §9; RFC 3264 §8 keeps its version); by
    /// default an UPDATE when the peer allows it.
    mutating func refreshSession() -> [InviteSessionAction] {
        guard state == .confirmed, let sessionTimer, sessionTimer.localRefreshes else { return [] }
        guard pendingOutgoing == nil, pendingIncoming == nil, unacknowledged == nil else {
            // An offer exchange is under way; its own 2xx refreshes the session. Try again later.
            return [.schedule(.sessionRefresh, after: sessionTimer.refreshDelay)]
        }
        isRefreshing = true
        let useUpdate = switch configuration.sessionTimers?.refreshMethod ?? .updateFallingBackToInvite {
        case .invite: false
        case .update: true
        case .updateFallingBackToInvite: peerAllowsUpdate
        }
        // Disarmed by the refresh's 2xx (or an accepted 501); fires if the refresh fails (RFC 4028 §10).
        let watch: [InviteSessionAction] = [.schedule(.sessionExpiry, after: sessionTimer.unansweredRefreshDelay)]
        if useUpdate { return watch + sendOffer(method: .update, description: nil) }
        return watch + sendOffer(method: .invite, description: localDescription)
    }
}
