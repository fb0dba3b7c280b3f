/// One non-INVITE request sent to many targets that differ only in their Request-URI and To:
/// a MESSAGE relayed to every member of a chat room.
///
/// ``SIPEndpoint/fanOut(_:)`` serialises the request once per endpoint shard and writes each
/// target's copy straight into its datagram, and each copy runs in a lightweight client
/// transaction (RFC 3261 §17.1.2 over UDP: Timer E retransmissions, Timer F timeout) that nobody
/// awaits: the final responses are matched by a 64-bit branch without a full parse. Every request
/// gets its own branch, From tag and Call-ID (§8.1.1).
public struct SIPRequestFanOut: Sendable {
    /// One copy's target: the Request-URI (also the To URI) and where the datagram goes.
    public struct Target: Sendable {
        /// The Request-URI and To URI.
        public let uri: SIPURI
        /// The next hop.
        public let destination: SIPTransportAddress
        /// `uri` as it appears on the wire, made once when the target is added.
        let uriText: String

        init(uri: SIPURI, destination: SIPTransportAddress) {
            self.uri = uri
            self.destination = destination
            self.uriText = uri.description
        }
    }

    /// The method: any but INVITE and ACK, which need the INVITE transaction (§17.1.1).
    public let method: SIPMethod
    /// The From URI; each copy gets a fresh tag.
    public var from: SIPURI
    /// The CSeq number of every copy.
    public var sequenceNumber: UInt32
    /// Header fields after CSeq and before Content-Length, in order.
    public var headers: [SIPHeaderField]
    /// The body of every copy.
    public var body: [UInt8]
    /// The targets, in the order the copies leave (within each endpoint shard).
    public private(set) var targets: [Target] = []

    /// Creates a fan-out with no target yet. `method` must not be INVITE or ACK.
    public init(method: SIPMethod, from: SIPURI, sequenceNumber: UInt32 = 1, headers: [SIPHeaderField] = [], body: [UInt8] = []) {
        precondition(method != .invite && method != .ack, "a fan-out runs non-INVITE transactions")
        self.method = method
        self.from = from
        self.sequenceNumber = sequenceNumber
        self.headers = headers
        self.body = body
    }

    /// Adds a copy for `uri`, sent to `destination`.
    public mutating func addTarget(_ uri: SIPURI, destination: SIPTransportAddress) {
        targets.append(Target(uri: uri, destination: destination))
    }

    /// The copy for `target` as a complete request with the given Via, tag and Call-ID: how a
    /// copy goes out over a transport the fan-out path does not take (TCP).
    func request(for target: Target, via: SIPVia, tag: String, callID: String) -> SIPMessage {
        SIPMessage(
            request: method, uri: target.uri, via: via,
            from: SIPNameAddress(uri: from, parameters: [SIPParameter(name: "tag", value: tag)]),
            to: SIPNameAddress(uri: target.uri), callID: callID, sequenceNumber: sequenceNumber,
            headers: headers, body: body)
    }
}
