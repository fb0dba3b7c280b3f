/// One `m=` section: a media stream and the lines that follow it (RFC 4566 §5.14).
public struct MediaDescription: Sendable, Hashable {
    /// The media type, e.g. `audio` or `video`.
    public var mediaType: String
    /// The transport port; `0` marks a rejected or disabled stream (RFC 3264 §6, §8.2).
    public var port: UInt16
    /// The `/<number of ports>` suffix of the port, `nil` when absent.
    public var numberOfPorts: Int?
    /// The transport protocol, e.g. `RTP/AVP` or `RTP/SAVP`.
    public var transport: String
    /// The media formats; RTP payload type numbers for RTP transports, in preference order
    /// (RFC 3264 §5.1).
    public var formats: [String]
    /// The `i=` media title.
    public var information: String?
    /// The `c=` line of this stream, overriding the session-level one.
    public var connection: SDPConnection?
    /// The `b=` lines of this stream.
    public var bandwidths: [SDPBandwidth]
    /// The `k=` line, kept as written (obsolete, RFC 4566 §5.12).
    public var encryptionKey: String?
    /// The `a=` lines of this stream, in order, unknown ones included.
    public var attributes: [SDPAttribute]

    /// Creates a media description.
    public init(
        mediaType: String,
        port: UInt16,
        numberOfPorts: Int? = nil,
        transport: String,
        formats: [String],
        information: String? = nil,
        connection: SDPConnection? = nil,
        bandwidths: [SDPBandwidth] = [],
        encryptionKey: String? = nil,
        attributes: [SDPAttribute] = []
    ) {
        self.mediaType = mediaType
        self.port = port
        self.numberOfPorts = numberOfPorts
        self.transport = transport
        self.formats = formats
        self.information = information
        self.connection = connection
        self.bandwidths = bandwidths
        self.encryptionKey = encryptionKey
        self.attributes = attributes
    }

    /// The values of every `a=<name>:<value>` attribute called `name`, in order.
    public func attributeValues(named name: String) -> [String] {
        attributes.values(named: name)
    }

    /// Whether an attribute called `name` is present, e.g. `rtcp-mux` (RFC 5761 §5.1.1).
    public func hasAttribute(named name: String) -> Bool {
        attributes.contains { $0.name == name }
    }

    /// The formats that are RTP payload type numbers, in order.
    public var payloadTypes: [UInt8] {
        formats.compactMap { UInt8($0) }.filter { $0 <= 127 }
    }

    /// What `payloadType` stands for: its `a=rtpmap`, or for a static payload type without one
    /// the RFC 3551 §6 table entry (RFC 4566 §6 lets static types omit `a=rtpmap`).
    public func rtpMap(forPayloadType payloadType: UInt8) -> RTPMap? {
        if let value = attributes.formatSpecificValue(named: "rtpmap", format: String(payloadType)),
           let map = RTPMap(attributeValue: "\(payloadType) \(value)") {
            return map
        }
        return RTPMap.staticAudio(payloadType: payloadType)
    }

    /// The `a=fmtp` parameters for `payloadType`, the text after the format (RFC 4566 §6).
    public func formatParameters(forPayloadType payloadType: UInt8) -> String? {
        attributes.formatSpecificValue(named: "fmtp", format: String(payloadType))
    }

    /// The `a=ptime` packet time in milliseconds the writer wants to receive (RFC 4566 §6);
    /// `nil` when absent or not a whole positive number.
    public var ptime: Int? {
        attributeValues(named: "ptime").first.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    }

    /// The `a=maxptime` in milliseconds (RFC 4566 §6), `nil` when absent or invalid.
    public var maxPtime: Int? {
        attributeValues(named: "maxptime").first.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
    }

    /// The direction attribute written on this stream, or `nil` if it has none; see
    /// ``SessionDescription/direction(of:)`` for the one that applies.
    public var explicitDirection: MediaDirection? {
        attributes.direction
    }

    /// The direction of this stream alone: its attribute, else `sendrecv` (RFC 3264 §5.1).
    public var direction: MediaDirection {
        explicitDirection ?? .sendrecv
    }

    /// The `m=` line value and the lines that follow it, in RFC 4566 §5 order.
    var lines: [String] {
        let portField = numberOfPorts.map { "\(port)/\($0)" } ?? "\(port)"
        var lines = ["m=\(mediaType) \(portField) \(([transport] + formats).joined(separator: " "))"]
        if let information { lines.append("i=\(information)") }
        if let connection { lines.append("c=\(connection.lineValue)") }
        lines += bandwidths.map { "b=\($0.type):\($0.value)" }
        if let encryptionKey { lines.append("k=\(encryptionKey)") }
        lines += attributes.map { "a=\($0.lineValue)" }
        return lines
    }
}
