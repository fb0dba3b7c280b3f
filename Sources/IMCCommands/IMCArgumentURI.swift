import ConferenceModel

/// Turns a user or room argument of a command into an address, as Kamailio's `build_uri` and
/// `build_imc_uri` do (spec §3.1): no `:` → prefix `sip:`; no `@` → append `@` and the Request-URI
/// host (its port and parameters are not copied); then the result must parse as a SIP URI.
enum IMCArgumentURI {
    /// The address an argument names, or `nil` when the built URI does not parse (the command fails).
    static func address(from argument: String, requestHost: String) -> IMAddress? {
        var text = argument
        if !argument.contains(":") {
            text = "sip:" + text
        }
        if !argument.contains("@") {
            text += "@" + requestHost
        }
        return (try? IMCMessageURI(parsing: text))?.address
    }
}
