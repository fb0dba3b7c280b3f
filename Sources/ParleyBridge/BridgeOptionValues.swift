/// `parley-bridge`'s own settings (those SEMS has no key for) as one source gives them: the
/// command line or the config file; `nil` where that source says nothing, so sources can be layered.
struct BridgeOptionValues: Sendable, Equatable {
    /// `--sip` / `sip.listen`: SIP listeners, `transport:host:port`.
    var sipListen: [String]?
    /// `sip.advertised-host`: the address put in Via, Contact and SDP when listening on a wildcard.
    var advertisedHost: String?
    /// `--rtp-ports` / `rtp.ports`: `first-last`.
    var rtpPorts: String?
    /// `rtp.address`: the address RTP sockets bind.
    var rtpAddress: String?
    /// `media.codecs`: the codecs offered and accepted, in preference order.
    var codecs: [String]?
    /// `media.room-rate`: the mixing rate of rooms.
    var roomRate: Int?
    /// `--db` / `database`: the SQLite file.
    var database: String?
    /// `--prompts` / `prompts.directory`: the default prompt set's folder.
    var promptsDirectory: String?
    /// `--xmlrpc` / `xmlrpc.listen`: `host:port` or `off`.
    var xmlrpcListen: String?
    /// `--log-level` / `log-level`.
    var logLevel: String?
    /// `xmlrpc.allow`: the client addresses allowed to call the XML-RPC API (a Parley addition).
    var xmlrpcAllowedClients: [String]? = nil
    /// `xmlrpc.user` and `xmlrpc.password`: HTTP basic credentials the XML-RPC API requires (a
    /// Parley addition).
    var xmlrpcUser: String? = nil
    /// See ``xmlrpcUser``.
    var xmlrpcPassword: String? = nil
    /// `media.realtime-priority`: media threads under the real-time FIFO policy.
    var realtimePriority: Bool? = nil
    /// `sip.max-unanswered-calls`: calls waiting to be answered beyond which INVITEs get 503.
    var maximumUnansweredCalls: Int? = nil
    /// `--rooms-db` / `rooms.database`: a PostgreSQL URL to keep the rooms in instead of `database`.
    var roomsDatabase: String? = nil

    /// These values where set, `fallback`'s elsewhere (the command line over the config file).
    func overriding(_ fallback: BridgeOptionValues) -> BridgeOptionValues {
        BridgeOptionValues(
            sipListen: sipListen ?? fallback.sipListen, advertisedHost: advertisedHost ?? fallback.advertisedHost,
            rtpPorts: rtpPorts ?? fallback.rtpPorts, rtpAddress: rtpAddress ?? fallback.rtpAddress,
            codecs: codecs ?? fallback.codecs, roomRate: roomRate ?? fallback.roomRate,
            database: database ?? fallback.database, promptsDirectory: promptsDirectory ?? fallback.promptsDirectory,
            xmlrpcListen: xmlrpcListen ?? fallback.xmlrpcListen, logLevel: logLevel ?? fallback.logLevel,
            xmlrpcAllowedClients: xmlrpcAllowedClients ?? fallback.xmlrpcAllowedClients,
            xmlrpcUser: xmlrpcUser ?? fallback.xmlrpcUser, xmlrpcPassword: xmlrpcPassword ?? fallback.xmlrpcPassword,
            realtimePriority: realtimePriority ?? fallback.realtimePriority,
            maximumUnansweredCalls: maximumUnansweredCalls ?? fallback.maximumUnansweredCalls,
            roomsDatabase: roomsDatabase ?? fallback.roomsDatabase)
    }

    /// The config file keys of these settings.
    static let fileKeys: Set<String> = [
        "sip.listen", "sip.advertised-host", "rtp.ports", "rtp.address", "media.codecs", "media.room-rate",
        "database", "prompts.directory", "xmlrpc.listen", "log-level", "xmlrpc.allow", "xmlrpc.user", "xmlrpc.password",
        "media.realtime-priority", "sip.max-unanswered-calls", "rooms.database",
    ]
}
