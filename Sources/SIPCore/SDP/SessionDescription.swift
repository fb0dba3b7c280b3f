/// A parsed or built SDP session description (RFC 4566).
///
/// Parse with ``init(parsing:)``, write with ``serialized()``; the two round-trip. Lines
/// Parley does not interpret (unknown attributes, `r=`, `z=`, `k=`) are kept in order so that
/// a description passes through unchanged.
public struct SessionDescription: Sendable, Hashable {
    /// The `v=` protocol version; always `0` (RFC 4566 §5.1).
    public var version: Int
    /// The `o=` origin (RFC 4566 §5.2).
    public var origin: SDPOrigin
    /// The `s=` session name (RFC 4566 §5.3); may be empty, written as `s= `.
    public var sessionName: String
    /// The `i=` session information (RFC 4566 §5.4).
    public var information: String?
    /// The `u=` URI (RFC 4566 §5.5).
    public var uri: String?
    /// The `e=` email addresses (RFC 4566 §5.6).
    public var emails: [String]
    /// The `p=` phone numbers (RFC 4566 §5.6).
    public var phoneNumbers: [String]
    /// The session-level `c=` line, the default for every media stream (RFC 4566 §5.7).
    public var connection: SDPConnection?
    /// The session-level `b=` lines (RFC 4566 §5.8).
    public var bandwidths: [SDPBandwidth]
    /// The `t=` lines with their `r=` lines; at least one (RFC 4566 §5.9).
    public var timings: [SDPTiming]
    /// The `z=` line, kept as written (RFC 4566 §5.11).
    public var timeZones: String?
    /// The session-level `k=` line, kept as written (RFC 4566 §5.12).
    public var encryptionKey: String?
    /// The session-level `a=` lines, in order, unknown ones included (RFC 4566 §5.13).
    public var attributes: [SDPAttribute]
    /// The `m=` sections, in order; their positions pair offer and answer (RFC 3264 §6).
    public var media: [MediaDescription]

    /// Creates a description; `v=0` and a single `t=0 0` by default.
    public init(
        version: Int = 0,
        origin: SDPOrigin,
        sessionName: String,
        information: String? = nil,
        uri: String? = nil,
        emails: [String] = [],
        phoneNumbers: [String] = [],
        connection: SDPConnection? = nil,
        bandwidths: [SDPBandwidth] = [],
        timings: [SDPTiming] = [SDPTiming()],
        timeZones: String? = nil,
        encryptionKey: String? = nil,
        attributes: [SDPAttribute] = [],
        media: [MediaDescription] = []
    ) {
        self.version = version
        self.origin = origin
        self.sessionName = sessionName
        self.information = information
        self.uri = uri
        self.emails = emails
        self.phoneNumbers = phoneNumbers
        self.connection = connection
        self.bandwidths = bandwidths
        self.timings = timings
        self.timeZones = timeZones
        self.encryptionKey = encryptionKey
        self.attributes = attributes
        self.media = media
    }

    /// Parses an SDP body (RFC 4566 §5).
    ///
    /// Strict on the grammar Parley relies on: `v=`, `o=`, `s=` first and in that order, a `t=`
    /// before the first `m=`, `r=` only after `t=`, no session-only line inside a media section,
    /// no unknown type letter (RFC 4566 §5: such a description MUST be ignored), a `c=` for
    /// every used stream, and well-formed `o= c= b= t= m= a=rtpmap a=fmtp` values.
    ///
    /// Tolerant where real phones differ from the letter of RFC 4566:
    /// - lines may end with LF alone as well as CRLF (RFC 4566 §5 invites this);
    /// - empty lines are skipped (some stacks end the body with an extra CRLF);
    /// - trailing spaces and tabs are dropped (`a=sendrecv `, `s= `), so `s=` may be empty;
    /// - fields of `o= c= t= m=` may be separated by runs of spaces;
    /// - session-level `i u e p c b z k a` lines may come in any order after `s=`, before or
    ///   after `t=` (several phones write `c=` after `t=`);
    /// - inside a media section `i c b k a` may come in any order (some write `a=` before `c=`);
    /// - a rejected stream (port 0) may lack a `c=`.
    ///
    /// - Throws: ``SDPParseError`` naming the first line at fault.
    public init(parsing text: String) throws(SDPParseError) {
        self = try SDPParser.parse(text)
    }

    /// The values of every session-level `a=<name>:<value>` attribute called `name`, in order.
    public func attributeValues(named name: String) -> [String] {
        attributes.values(named: name)
    }

    /// Whether a session-level attribute called `name` is present.
    public func hasAttribute(named name: String) -> Bool {
        attributes.contains { $0.name == name }
    }

    /// The connection that applies to `media`: its own `c=`, else the session's
    /// (RFC 4566 §5.7).
    public func connection(for media: MediaDescription) -> SDPConnection? {
        media.connection ?? connection
    }

    /// The direction that applies to `media`: its own attribute, else a session-level one,
    /// else `sendrecv` (RFC 3264 §5.1).
    public func direction(of media: MediaDescription) -> MediaDirection {
        media.explicitDirection ?? attributes.direction ?? .sendrecv
    }

    /// The description as SDP text: lines in RFC 4566 §5 order, each ended by CRLF.
    public func serialized() -> String {
        var lines = [
            "v=\(version)",
            "o=\(origin.username) \(origin.sessionID) \(origin.sessionVersion) "
                + "\(origin.networkType) \(origin.addressType.rawValue) \(origin.address)",
            // RFC 4566 §5.3: a session without a name SHOULD be written "s= ".
            "s=\(sessionName.isEmpty ? " " : sessionName)",
        ]
        if let information { lines.append("i=\(information)") }
        if let uri { lines.append("u=\(uri)") }
        lines += emails.map { "e=\($0)" }
        lines += phoneNumbers.map { "p=\($0)" }
        if let connection { lines.append("c=\(connection.lineValue)") }
        lines += bandwidths.map { "b=\($0.type):\($0.value)" }
        for timing in timings {
            lines.append("t=\(timing.start) \(timing.stop)")
            lines += timing.repeatTimes.map { "r=\($0)" }
        }
        if let timeZones { lines.append("z=\(timeZones)") }
        if let encryptionKey { lines.append("k=\(encryptionKey)") }
        lines += attributes.map { "a=\($0.lineValue)" }
        lines += media.flatMap(\.lines)
        return lines.map { $0 + "\r\n" }.joined()
    }
}
