extension SIPHeaderName {
    /// RFC 4028 §4; compact form `x`.
    public static let sessionExpires: SIPHeaderName = "Session-Expires"
    /// RFC 4028 §5.
    public static let minSE: SIPHeaderName = "Min-SE"
    /// RFC 3261 §20.33.
    public static let retryAfter: SIPHeaderName = "Retry-After"
}
