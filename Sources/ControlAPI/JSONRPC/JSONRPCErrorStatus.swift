/// Which HTTP status a ``JSONRPCServer`` gives a response carrying a single error.
///
/// Batches, results and notifications are never affected: they always get `200 OK` (or
/// `204 No Content` when there is nothing to send).
public enum JSONRPCErrorStatus: Sendable, Hashable {
    /// `200 OK`: the error is in the body, where JSON-RPC puts it. What generic JSON-RPC clients
    /// expect.
    case ok
    /// Kamailio jsonrpcs: the error code becomes the HTTP status when it is one (101-599); any
    /// other code (the negative protocol codes) gives `500`. `jsonrpc_fault` in `jsonrpcs_mod.c`
    /// sets `http_code` this way, so Kamailio answers `imc.list_members` of an unknown room with
    /// status 500. (Kamailio also puts the message in the reason phrase; Parley's HTTP server
    /// writes the standard phrase, which clients do not read.)
    case kamailio
}
