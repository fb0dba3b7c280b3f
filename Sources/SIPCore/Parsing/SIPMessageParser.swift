/// Turns the bytes of one message into a ``SIPMessage``: frames it in Swift (start line, header
/// lines in order, body by Content-Length), makes the checks of RFC 3261 and RFC 4475 that
/// libosip2 does not make, and has libosip2 parse the values routing needs.
///
/// Everything SIP's grammar splits on is ASCII, so the Swift side works on bytes and makes one
/// `String` per value it keeps.
enum SIPMessageParser {
    /// Parses one whole message: a UDP datagram, or one message cut off a stream by ``SIPStreamFramer``.
    ///
    /// Octets after the body that Content-Length frames are ignored (RFC 3261 §18.3, RFC 4475 §3.1.1.8).
    /// Without Content-Length the rest of the datagram is the body (RFC 3261 §18.3 for UDP, RFC 2543 peers).
    static func parse(_ bytes: [UInt8]) throws(SIPParseError) -> SIPMessage {
        var lines = SIPLineReader(bytes)
        lines.skipLeadingEmptyLines()
        guard let startLine = lines.nextLineBytes() else { throw SIPParseError(.unparseable, "empty message") }
        let headerLines = try lines.headerLines()
        let isResponse = startLine.starts(with: "SIP/".utf8)
        do {
            return try build(startLine: startLine, headers: headerLines, bytes: bytes, bodyStart: lines.position)
        } catch {
            // RFC 3261 §18.1.2 / RFC 4475 §3.1.2.19: a malformed response is dropped, never answered.
            throw isResponse ? SIPParseError(.unparseable, error.reason) : error.withHeaders(headerLines)
        }
    }

    private static func build(
        startLine startLineBytes: ArraySlice<UInt8>, headers: SIPHeaderFields, bytes: [UInt8], bodyStart: Int
    ) throws(SIPParseError) -> SIPMessage {
        let startLine = try parseStartLine(startLineBytes)
        let routing = try RoutingHeaders(headers)
        let body = try body(of: bytes, from: bodyStart, contentLengths: routing.contentLengths)

        guard let callID = routing[.callID], !callID.isEmpty else { throw SIPParseError(.badRequest, "missing Call-ID") }
        guard let fromText = routing[.from] else { throw SIPParseError(.badRequest, "missing From") }
        guard let toText = routing[.to] else { throw SIPParseError(.badRequest, "missing To") }
        guard let cseqText = routing[.cseq] else { throw SIPParseError(.badRequest, "missing CSeq") }
        let cseq = try parseCSeq(cseqText)
        if case .request(let method, _) = startLine, method != cseq.method {
            throw SIPParseError(.badRequest, "CSeq method does not match the request method")
        }

        if routing.vias.contains(where: \.isEmpty) { throw SIPParseError(.badRequest, "empty Via value") }
        let topVia = try routing.vias.first.map { text throws(SIPParseError) in try OSIPParser.parseVia(text) }
        if topVia == nil, case .response = startLine { throw SIPParseError(.unparseable, "response without Via") }

        let maxForwards = try routing[.maxForwards].map { text throws(SIPParseError) in
            guard text.isASCIIDigits, let value = Int(text), (0...255).contains(value) else {
                throw SIPParseError(.badRequest, "Max-Forwards out of range")
            }
            return value
        }
        if let expires = routing[.expires], UInt32(expires) == nil {
            throw SIPParseError(.badRequest, "Expires out of range")
        }

        let (contacts, isWildcard) = try parseContacts(routing.contacts)
        return SIPMessage(
            startLine: startLine, headers: headers, body: body, topVia: topVia,
            from: try OSIPParser.parseNameAddress(fromText), to: try OSIPParser.parseNameAddress(toText),
            callID: callID, cseq: cseq, contacts: contacts, isWildcardContact: isWildcard,
            maxForwards: maxForwards, contentType: routing[.contentType])
    }

    // MARK: - Start line (RFC 3261 §7.1, §7.2, §25.1)

    private static func parseStartLine(_ line: ArraySlice<UInt8>) throws(SIPParseError) -> SIPMessage.StartLine {
        // Exactly one SP between elements: RFC 4475 §3.1.2.9 and §3.1.2.10 reject extra or trailing SP.
        let space = UInt8(ascii: " ")
        if line.starts(with: "SIP/".utf8) {
            guard let firstSpace = line.firstIndex(of: space) else {
                throw SIPParseError(.unparseable, "malformed status line")
            }
            guard line[..<firstSpace].elementsEqual("SIP/2.0".utf8) else {
                throw SIPParseError(.unparseable, "unsupported SIP version")
            }
            let rest = line[(firstSpace + 1)...]
            let codeEnd = rest.firstIndex(of: space) ?? rest.endIndex
            let codeBytes = rest[..<codeEnd]
            guard codeBytes.count == 3, codeBytes.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
                throw SIPParseError(.unparseable, "status code out of range")
            }
            let code = codeBytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            guard (100...699).contains(code) else { throw SIPParseError(.unparseable, "status code out of range") }
            let reason = codeEnd == rest.endIndex ? "" : String(decoding: rest[(codeEnd + 1)...], as: UTF8.self)
            return .response(statusCode: code, reasonPhrase: reason)
        }
        let elements = line.split(separator: space, omittingEmptySubsequences: false)
        guard elements.count == 3, elements.allSatisfy({ !$0.isEmpty }) else {
            throw SIPParseError(.badRequest, "malformed Request-Line")
        }
        let method = elements[0], uriBytes = elements[1], version = elements[2]
        guard method.allSatisfy(SIPGrammar.isTokenByte) else { throw SIPParseError(.badRequest, "malformed method") }
        guard version.count >= 4, version.prefix(4).map(\.asciiLowercased).elementsEqual("sip/".utf8) else {
            throw SIPParseError(.badRequest, "malformed SIP version")
        }
        guard version.dropFirst(4).elementsEqual("2.0".utf8) else {
            let number = String(decoding: version.dropFirst(4), as: UTF8.self)
            throw SIPParseError(.versionNotSupported, "SIP version \(number) not supported")
        }
        guard !uriBytes.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\t") }) else {
            throw SIPParseError(.badRequest, "Request-URI must not be enclosed in <>")
        }
        let uri = try OSIPParser.parseURI(String(decoding: uriBytes, as: UTF8.self))
        guard uri.headers.isEmpty else { throw SIPParseError(.badRequest, "Request-URI must not carry headers") }
        return .request(method: SIPMethod(String(decoding: method, as: UTF8.self)), uri: uri)
    }

    // MARK: - Header values that need more than libosip2 checks

    private static func parseCSeq(_ text: String) throws(SIPParseError) -> SIPCSeq {
        let parts = text.utf8.split(whereSeparator: \.isSIPWhitespace)
        guard parts.count == 2, parts[1].allSatisfy(SIPGrammar.isTokenByte),
              !parts[0].isEmpty, parts[0].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { throw SIPParseError(.badRequest, "malformed CSeq") }
        // RFC 3261 §8.1.1.5: the sequence number is a 32-bit unsigned integer.
        var number: UInt64 = 0
        for digit in parts[0] {
            number = number * 10 + UInt64(digit - UInt8(ascii: "0"))
            guard number <= UInt64(UInt32.max) else { throw SIPParseError(.badRequest, "CSeq number out of range") }
        }
        return SIPCSeq(sequenceNumber: UInt32(number), method: SIPMethod(String(decoding: parts[1], as: UTF8.self)))
    }

    private static func parseContacts(_ values: [String]) throws(SIPParseError) -> ([SIPNameAddress], Bool) {
        if values.count == 1, values[0] == "*" { return ([], true) }
        var contacts: [SIPNameAddress] = []
        contacts.reserveCapacity(values.count)
        for value in values {
            guard !value.isEmpty else { throw SIPParseError(.badRequest, "empty Contact value") }
            // RFC 3261 §20.10: a URI with ',', ';' or '?' must be in name-addr form (RFC 4475 §3.1.2.13).
            let bytes = value.utf8
            if !bytes.contains(UInt8(ascii: "<")),
               bytes.prefix(while: { $0 != UInt8(ascii: ";") }).contains(UInt8(ascii: "?")) {
                throw SIPParseError(.badRequest, "Contact URI with headers must be enclosed in <>")
            }
            let contact = try OSIPParser.parseNameAddress(value)
            if let expires = contact.parameters.value(named: "expires"), let expires, UInt32(expires) == nil {
                throw SIPParseError(.badRequest, "Contact expires out of range")
            }
            contacts.append(contact)
        }
        return (contacts, false)
    }

    // MARK: - Body (RFC 3261 §18.3, §20.14)

    private static func body(of bytes: [UInt8], from start: Int, contentLengths: [String]) throws(SIPParseError) -> [UInt8] {
        guard let length = try SIPStreamFramer.contentLength(contentLengths) else { return Array(bytes[start...]) }
        guard length <= bytes.count - start else {
            throw SIPParseError(.badRequest, "Content-Length larger than the message")
        }
        return Array(bytes[start..<(start + length)])
    }
}

extension SIPParseError {
    /// The same error carrying the header lines a stateless error response copies (RFC 3261 §8.2.6.2).
    fileprivate func withHeaders(_ headers: SIPHeaderFields) -> SIPParseError {
        var copy = self
        copy.headers = headers
        return copy
    }
}
