/// Reads SDP text line by line into a ``SessionDescription`` (RFC 4566 §5).
///
/// The strictness and tolerances are listed on ``SessionDescription/init(parsing:)``.
struct SDPParser {
    private var version: Int?
    private var origin: SDPOrigin?
    private var sessionName: String?
    private var information: String?
    private var uri: String?
    private var emails: [String] = []
    private var phoneNumbers: [String] = []
    private var connection: SDPConnection?
    private var bandwidths: [SDPBandwidth] = []
    private var timings: [SDPTiming] = []
    private var timeZones: String?
    private var encryptionKey: String?
    private var attributes: [SDPAttribute] = []
    private var media: [MediaDescription] = []
    private var mediaLineNumbers: [Int] = []
    private var previousType: Character?

    /// The type letters RFC 4566 §5 defines.
    private static let knownTypes: Set<Character> = ["v", "o", "s", "i", "u", "e", "p", "c", "b", "t", "r", "z", "k", "a", "m"]

    /// Parses `text` into a session description.
    static func parse(_ text: String) throws(SDPParseError) -> SessionDescription {
        var parser = SDPParser()
        var lineNumber = 0
        // SDP's structure is ASCII: lines, type letters and separators are found on the UTF-8
        // bytes, and a `String` is made once per line.
        for rawLine in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var bytes = rawLine
            while let last = bytes.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
                bytes = bytes.dropLast()
            }
            if bytes.isEmpty { continue }
            try parser.consume(String(Substring(bytes)), lineNumber: lineNumber)
        }
        return try parser.finish(lineCount: lineNumber)
    }

    private mutating func consume(_ line: String, lineNumber: Int) throws(SDPParseError) {
        func fail(_ code: SDPParseError.Code, _ reason: String) -> SDPParseError {
            SDPParseError(code: code, line: lineNumber, text: line, reason: reason)
        }
        let bytes = line.utf8
        guard bytes.count >= 2, let letter = bytes.first, bytes[bytes.index(after: bytes.startIndex)] == UInt8(ascii: "="),
              letter >= UInt8(ascii: "a"), letter <= UInt8(ascii: "z")
        else { throw fail(.malformedLine, "expected <type>=<value>") }
        let type = Character(Unicode.Scalar(letter))
        guard Self.knownTypes.contains(type) else { throw fail(.unknownType, "unknown type '\(type)'") }
        let value = String(Substring(bytes.dropFirst(2)))
        defer { previousType = type }

        if version == nil {
            guard type == "v" else { throw fail(.missingLine, "the first line must be v=") }
            guard value == "0" else { throw fail(.unsupportedVersion, "only SDP version 0 exists") }
            version = 0
        } else if origin == nil {
            guard type == "o" else { throw fail(.missingLine, "o= must follow v=") }
            guard let parsed = Self.origin(value) else {
                throw fail(.invalidOrigin, "expected <username> <sess-id> <sess-version> <nettype> <addrtype> <address>")
            }
            origin = parsed
        } else if sessionName == nil {
            guard type == "s" else { throw fail(.missingLine, "s= must follow o=") }
            sessionName = value
        } else if media.isEmpty && type != "m" {
            try consumeSessionLine(type: type, value: value, fail: fail)
        } else {
            try consumeMediaLine(type: type, value: value, lineNumber: lineNumber, fail: fail)
        }
    }

    private mutating func consumeSessionLine(
        type: Character,
        value: String,
        fail: (SDPParseError.Code, String) -> SDPParseError
    ) throws(SDPParseError) {
        switch type {
        case "i":
            guard information == nil else { throw fail(.duplicateLine, "second session i=") }
            information = value
        case "u":
            guard uri == nil else { throw fail(.duplicateLine, "second u=") }
            uri = value
        case "e":
            emails.append(value)
        case "p":
            phoneNumbers.append(value)
        case "c":
            guard connection == nil else { throw fail(.duplicateLine, "second session c=") }
            connection = try Self.connection(value, fail: fail)
        case "b":
            bandwidths.append(try Self.bandwidth(value, fail: fail))
        case "t":
            let fields = value.splitting(onByte: UInt8(ascii: " "))
            guard fields.count == 2, let start = UInt64(fields[0]), let stop = UInt64(fields[1]) else {
                throw fail(.invalidTiming, "expected <start-time> <stop-time>")
            }
            timings.append(SDPTiming(start: start, stop: stop))
        case "r":
            guard previousType == "t" || previousType == "r", !timings.isEmpty else {
                throw fail(.unexpectedLine, "r= must follow t=")
            }
            timings[timings.count - 1].repeatTimes.append(value)
        case "z":
            guard timeZones == nil else { throw fail(.duplicateLine, "second z=") }
            timeZones = value
        case "k":
            guard encryptionKey == nil else { throw fail(.duplicateLine, "second session k=") }
            encryptionKey = value
        case "a":
            attributes.append(try Self.attribute(value, fail: fail))
        default:
            throw fail(.unexpectedLine, "\(type)= may appear only once, at the top")
        }
    }

    private mutating func consumeMediaLine(
        type: Character,
        value: String,
        lineNumber: Int,
        fail: (SDPParseError.Code, String) -> SDPParseError
    ) throws(SDPParseError) {
        if type == "m" {
            guard !timings.isEmpty else { throw fail(.missingLine, "t= must precede the first m=") }
            media.append(try Self.media(value, fail: fail))
            mediaLineNumbers.append(lineNumber)
            return
        }
        let index = media.count - 1
        switch type {
        case "i":
            guard media[index].information == nil else { throw fail(.duplicateLine, "second media i=") }
            media[index].information = value
        case "c":
            guard media[index].connection == nil else { throw fail(.duplicateLine, "second media c=") }
            media[index].connection = try Self.connection(value, fail: fail)
        case "b":
            media[index].bandwidths.append(try Self.bandwidth(value, fail: fail))
        case "k":
            guard media[index].encryptionKey == nil else { throw fail(.duplicateLine, "second media k=") }
            media[index].encryptionKey = value
        case "a":
            media[index].attributes.append(try Self.attribute(value, fail: fail))
        default:
            throw fail(.unexpectedLine, "\(type)= is not allowed in a media section")
        }
    }

    private func finish(lineCount: Int) throws(SDPParseError) -> SessionDescription {
        func missing(_ reason: String) -> SDPParseError {
            SDPParseError(code: .missingLine, line: lineCount, text: "", reason: reason)
        }
        guard let version else {
            throw SDPParseError(code: .empty, line: lineCount, text: "", reason: "no SDP lines")
        }
        guard let origin else { throw missing("o= is missing") }
        guard let sessionName else { throw missing("s= is missing") }
        guard !timings.isEmpty else { throw missing("t= is missing") }
        // RFC 4566 §5.7: every stream needs a c=, its own or the session's.
        for (index, stream) in media.enumerated() where stream.port != 0 && stream.connection == nil && connection == nil {
            throw SDPParseError(
                code: .missingLine,
                line: mediaLineNumbers[index],
                text: stream.lines[0],
                reason: "no c= for this stream nor for the session"
            )
        }
        return SessionDescription(
            version: version,
            origin: origin,
            sessionName: sessionName,
            information: information,
            uri: uri,
            emails: emails,
            phoneNumbers: phoneNumbers,
            connection: connection,
            bandwidths: bandwidths,
            timings: timings,
            timeZones: timeZones,
            encryptionKey: encryptionKey,
            attributes: attributes,
            media: media
        )
    }

    /// `<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>` (RFC 4566 §5.2).
    private static func origin(_ value: String) -> SDPOrigin? {
        let fields = value.splitting(onByte: UInt8(ascii: " "))
        guard fields.count == 6, let sessionID = UInt64(fields[1]), let sessionVersion = UInt64(fields[2]) else {
            return nil
        }
        return SDPOrigin(
            username: String(fields[0]),
            sessionID: sessionID,
            sessionVersion: sessionVersion,
            networkType: String(fields[3]),
            addressType: SDPAddressType(rawValue: String(fields[4])),
            address: String(fields[5])
        )
    }

    /// `<nettype> <addrtype> <connection-address>` (RFC 4566 §5.7).
    private static func connection(
        _ value: String,
        fail: (SDPParseError.Code, String) -> SDPParseError
    ) throws(SDPParseError) -> SDPConnection {
        let fields = value.splitting(onByte: UInt8(ascii: " "))
        guard fields.count == 3 else { throw fail(.invalidConnection, "expected <nettype> <addrtype> <address>") }
        return SDPConnection(
            networkType: String(fields[0]),
            addressType: SDPAddressType(rawValue: String(fields[1])),
            address: String(fields[2])
        )
    }

    /// `<bwtype>:<bandwidth>` (RFC 4566 §5.8).
    private static func bandwidth(
        _ value: String,
        fail: (SDPParseError.Code, String) -> SDPParseError
    ) throws(SDPParseError) -> SDPBandwidth {
        let parts = value.splitting(onByte: UInt8(ascii: ":"), maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, let amount = UInt64(parts[1]) else {
            throw fail(.invalidBandwidth, "expected <bwtype>:<bandwidth>")
        }
        return SDPBandwidth(type: String(parts[0]), value: amount)
    }

    /// `<media> <port>[/<number of ports>] <proto> <fmt> ...` (RFC 4566 §5.14).
    private static func media(
        _ value: String,
        fail: (SDPParseError.Code, String) -> SDPParseError
    ) throws(SDPParseError) -> MediaDescription {
        let fields = value.splitting(onByte: UInt8(ascii: " "))
        guard fields.count >= 4 else {
            throw fail(.invalidMedia, "expected <media> <port> <proto> <fmt> ...")
        }
        let portParts = fields[1].splitting(onByte: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard portParts.count <= 2, let port = UInt16(portParts[0]) else {
            throw fail(.invalidMedia, "invalid port")
        }
        var numberOfPorts: Int?
        if portParts.count == 2 {
            guard let count = Int(portParts[1]), count > 0 else { throw fail(.invalidMedia, "invalid number of ports") }
            numberOfPorts = count
        }
        return MediaDescription(
            mediaType: String(fields[0]),
            port: port,
            numberOfPorts: numberOfPorts,
            transport: String(fields[2]),
            formats: fields.dropFirst(3).map(String.init)
        )
    }

    /// `<attribute>` or `<attribute>:<value>` (RFC 4566 §5.13), checking the grammar of the
    /// attributes offer/answer relies on (RFC 4566 §6).
    private static func attribute(
        _ value: String,
        fail: (SDPParseError.Code, String) -> SDPParseError
    ) throws(SDPParseError) -> SDPAttribute {
        let parts = value.splitting(onByte: UInt8(ascii: ":"), maxSplits: 1, omittingEmptySubsequences: false)
        guard !parts[0].isEmpty, !parts[0].containsByte(UInt8(ascii: " ")) else {
            throw fail(.malformedLine, "expected a=<attribute>[:<value>]")
        }
        let attribute = SDPAttribute(name: String(parts[0]), value: parts.count == 2 ? String(parts[1]) : nil)
        switch attribute.name {
        case "rtpmap":
            guard let attributeValue = attribute.value, RTPMap(attributeValue: attributeValue) != nil else {
                throw fail(.invalidAttribute, "expected rtpmap:<payload type> <encoding name>/<clock rate>[/<parameters>]")
            }
        case "fmtp":
            let fields = attribute.value?.splitting(onByte: UInt8(ascii: " "), maxSplits: 1) ?? []
            guard fields.count == 2 else {
                throw fail(.invalidAttribute, "expected fmtp:<format> <parameters>")
            }
        default:
            break
        }
        return attribute
    }
}
