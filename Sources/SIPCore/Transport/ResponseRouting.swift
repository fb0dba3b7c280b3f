/// Where requests' responses go: the `received`/`rport` stamping of RFC 3261 §18.2.1 and
/// RFC 3581 §4 on the way in, and the destination rules of RFC 3261 §18.2.2 / RFC 3581 §4 on the way out.
public enum ResponseRouting {
    /// Stamps the top Via of an incoming request with the address it really came from.
    ///
    /// `received` is added when the sent-by host is not the source IP (§18.2.1), and always when
    /// the client asked for `rport`, which is filled in with the source port (RFC 3581 §4).
    public static func stampReceived(on request: inout SIPMessage, source: SIPTransportAddress) {
        guard var via = request.topVia else { return }
        let asksForRport = via.rport != nil
        if via.host != source.host || asksForRport {
            via.received = source.host
        }
        if asksForRport {
            via.rport = .some(source.port)
        }
        if via != request.topVia { request.topVia = via }
    }

    /// The address a response goes to, from its top Via (already stamped on the way in).
    ///
    /// Over TCP the response uses the request's connection while it is open (the caller checks
    /// that first); otherwise it goes to `received` (or the sent-by host) at the `rport` port (or
    /// the sent-by port, or 5060). Returns `nil` when the Via names a host this stack cannot reach
    /// without DNS and carries no `received`.
    public static func destination(for response: SIPMessage, transport: SIPTransportProtocol) -> SIPTransportAddress? {
        guard let via = response.topVia else { return nil }
        let host = via.received ?? via.host
        let port = (via.rport ?? nil) ?? via.port ?? 5060
        return try? SIPTransportAddress(transport, host: host, port: port)
    }
}
