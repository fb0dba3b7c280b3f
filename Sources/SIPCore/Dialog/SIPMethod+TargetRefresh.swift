extension SIPMethod {
    /// Whether a request of this method is a target refresh request, which replaces the dialog's
    /// remote target with its Contact: re-INVITE (RFC 3261 §12.2) and UPDATE (RFC 3311 §5.1).
    ///
    /// Parley's dialogs carry INVITE sessions only, so the event-package refreshes of RFC 6665
    /// (SUBSCRIBE, NOTIFY) are not listed.
    var isTargetRefresh: Bool {
        self == .invite || self == .update
    }
}
