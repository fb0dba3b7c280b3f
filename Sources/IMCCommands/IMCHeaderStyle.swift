/// Which headers imc puts on a MESSAGE it sends (spec §7).
public enum IMCHeaderStyle: Sendable, Hashable {
    /// Kamailio 5.6 `build_headers`: `Content-Type: text/plain`, `Supported: kamailio/imc`, the
    /// configured extra headers, then `In-Reply-To: <Call-ID>` of the request that caused it.
    case standard
    /// Only the configured extra headers: the invitation-failure notice (`imc_inv_callback`).
    case extraHeadersOnly
}
