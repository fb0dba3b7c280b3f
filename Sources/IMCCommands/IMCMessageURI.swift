import ConferenceModel
import SIPCore

/// A URI of an incoming MESSAGE as imc uses it: the text exactly as received (replies addressed
/// "verbatim" use it, port and parameters included) and the user and host it parses to (rooms
/// and members are identified by those; spec §3, §7).
public struct IMCMessageURI: Sendable, Hashable {
    /// The URI as received, e.g. `sip:bob@imc.test:5098;transport=udp`.
    public var text: String
    /// The user part (empty when the URI has none), escapes kept as on the wire.
    public var user: String
    /// The host as Kamailio's parser gives it: an IPv6 address keeps its brackets.
    public var host: String

    /// Creates a URI from parts the caller has already parsed.
    public init(text: String, user: String, host: String) {
        self.text = text
        self.user = user
        self.host = host
    }

    /// Takes a parsed SIP URI; ``text`` is its rendering.
    public init(_ uri: SIPURI) {
        self.init(text: uri.description, user: uri.user ?? "", host: Self.kamailioHost(uri.host))
    }

    /// Parses a `sip:` or `sips:` URI, keeping `text` verbatim.
    ///
    /// - Throws: `SIPParseError` when the text is not a SIP or SIPS URI; Kamailio's `imc_manager`
    ///   then returns -1 (spec §1), see ``IMCReturnCode/invalidRequest``.
    public init(parsing text: String) throws(SIPParseError) {
        let uri = try SIPURI(parsing: text)
        guard uri.isSIP, uri.opaquePart == nil else {
            throw SIPParseError(.unparseable, "not a SIP URI: \(text)")
        }
        self.init(text: text, user: uri.user ?? "", host: Self.kamailioHost(uri.host))
    }

    /// The address imc stores for this URI: user and host only (spec §3.2).
    public var address: IMAddress { IMAddress(user: user, domain: host) }

    /// SIPCore keeps IPv6 hosts without brackets; Kamailio's `parse_uri` keeps them, and the stored
    /// `sip:user@host` needs them to stay a URI.
    private static func kamailioHost(_ host: String) -> String {
        host.contains(":") ? "[\(host)]" : host
    }
}
