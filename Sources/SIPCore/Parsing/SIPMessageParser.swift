/// Turns the bytes of one message into a ``SIPMessage``: frames it in Swift (start line, header
/// lines in order, body by Content-Length), makes the checks of RFC 3261 and RFC 4475 that
/// libosip2 does not make, and has libosip2 parse the values routing needs.
enum SIPMessageParser {
    /// Header names that may appear on one line only (RFC 3261 §7.3.1: not comma-separated lists).
    private static let singleValuedHeaders: [SIPHeaderName] = [.callID, .from, .to, .cseq, .maxForwards]

    /// Parses one whole message: a UDP datagram, or one message cut off a stream by ``SIPStreamFramer``.
    ///
    /// Octets after the body that Content-Length frames are ignored (RFC 3261 §18.3, RFC 4475 §3.1.1.8).
    /// Without Content-Length the rest of the datagram is the body (RFC 3261 §18.3 for UDP, RFC 2543 peers).
    static func parse(_ bytes: [UInt8]) throws(SIPParseError) -> SIPMessage {
        var lines = SIPLineReader(bytes)
        lines.skipLeadingEmptyLines()
        guard let startLineText = lines.nextLine() else { throw SIPParseError(.unparseable, "empty message") }
        let headerLines = try lines.headerLines()
        let isResponse = startLineText.hasPrefix("SIP/")
        do {
            return try build(startLineText: startLineText, headers: headerLines, bytes: bytes, bodyStart: lines.position)
        } catch {
            // RFC 3261 §18.1.2 / RFC 4475 §3.1.2.19: a malformed response is dropped, never answered.
            throw isResponse ? SIPParseError(.unparseable, error.reason) : error.withHeaders(headerLines)
        }
    }

    private static func build(
        startLineText: String, headers: SIPHeaderFields, bytes: [UInt8], bodyStart: Int
    ) throws(SIPParseError) -> SIPMessage {
        let startLine = try parseStartLine(startLineText)
        let body = try body(of: bytes, from: bodyStart, headers: headers)

        for name in singleValuedHeaders where headers.count(of: name) > 1 {
            throw SIPParseError(.badRequest, "more than one \(name) header")
        }
        guard let callID = headers[.callID], !callID.isEmpty else { throw SIPParseError(.badRequest, "missing Call-ID") }
        guard let fromText = headers[.from] else { throw SIPParseError(.badRequest, "missing From") }
        guard let toText = headers[.to] else { throw SIPParseError(.badRequest, "missing To") }
        guard let cseqText = headers[.cseq] else { throw SIPParseError(.badRequest, "missing CSeq") }
        let cseq = try parseCSeq(cseqText)
        if case .request(let method, _) = startLine, method != cseq.method {
            throw SIPParseError(.badRequest, "CSeq method does not match the request method")
        }

        let vias = headers.splitValues(.via)
        if vias.contains(where: \.isEmpty) { throw SIPParseError(.badRequest, "empty Via value") }
        let topVia = try vias.first.map { text throws(SIPParseError) in try OSIPParser.parseVia(text) }
        if topVia == nil, case .response = startLine { throw SIPParseError(.unparseable, "response without Via") }

        let maxForwards = try headers[.maxForwards].map { text throws(SIPParseError) in
            guard let value = Int(text), (0...255).contains(value), text.allSatisfy(\.isASCIIDigit) else {
                throw SIPParseError(.badRequest, "Max-Forwards out of range")
            }
            return value
        }
        if let expires = headers[.expires], UInt32(expires) == nil {
            throw SIPParseError(.badRequest, "Expires out of range")
        }

        let (contacts, isWildcard) = try parseContacts(headers.splitValues(.contact))
        return SIPMessage(
            startLine: startLine, headers: headers, body: body, topVia: topVia,
            from: try OSIPParser.parseNameAddress(fromText), to: try OSIPParser.parseNameAddress(toText),
            callID: callID, cseq: cseq, contacts: contacts, isWildcardContact: isWildcard,
            maxForwards: maxForwards, contentType: headers[.contentType])
    }

    // MARK: - Start line (RFC 3261 §7.1, §7.2, §25.1)

    private static func parseStartLine(_ text: String) throws(SIPParseError) -> SIPMessage.StartLine {
        // Exactly one SP between elements: RFC 4475 §3.1.2.9 and §3.1.2.10 reject extra or trailing SP.
        let parts = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        if text.hasPrefix("SIP/") {
            guard parts.count >= 2 else {
                throw SIPParseError(.unparseable, "malformed status line")
            }
            guard parts[0] == "SIP/2.0" else { throw SIPParseError(.unparseable, "unsupported SIP version") }
            let codeText = parts[1]
            guard codeText.utf8.count == 3, codeText.allSatisfy(\.isASCIIDigit), let code = Int(codeText),
                  (100...699).contains(code)
            else { throw SIPParseError(.unparseable, "status code out of range") }
            return .response(statusCode: code, reasonPhrase: parts.count == 3 ? String(parts[2]) : "")
        }
        let elements = text.split(separator: " ", omittingEmptySubsequences: false)
        guard elements.count == 3, elements.allSatisfy({ !$0.isEmpty }) else {
            throw SIPParseError(.badRequest, "malformed Request-Line")
        }
        let method = elements[0], uriText = elements[1], version = elements[2]
        guard method.utf8.allSatisfy(SIPGrammar.isTokenByte) else { throw SIPParseError(.badRequest, "malformed method") }
        guard version.uppercased().hasPrefix("SIP/") else { throw SIPParseError(.badRequest, "malformed SIP version") }
        guard version.uppercased() == "SIP/2.0" else {
            throw SIPParseError(.versionNotSupported, "SIP version \(version.dropFirst(4)) not supported")
        }
        guard !uriText.contains(where: { $0 == "<" || $0 == ">" || $0 == "\t" }) else {
            throw SIPParseError(.badRequest, "Request-URI must not be enclosed in <>")
        }
        let uri = try OSIPParser.parseURI(String(uriText))
        guard uri.headers.isEmpty else { throw SIPParseError(.badRequest, "Request-URI must not carry headers") }
        return .request(method: SIPMethod(String(method)), uri: uri)
    }

    // MARK: - Header values that need more than libosip2 checks

    private static func parseCSeq(_ text: String) throws(SIPParseError) -> SIPCSeq {
        let parts = text.split(whereSeparator: \.isSIPWhitespace)
        guard parts.count == 2, parts[0].allSatisfy(\.isASCIIDigit), parts[1].utf8.allSatisfy(SIPGrammar.isTokenByte)
        else { throw SIPParseError(.badRequest, "malformed CSeq") }
        // RFC 3261 §8.1.1.5: the sequence number is a 32-bit unsigned integer.
        guard let number = UInt32(parts[0]) else { throw SIPParseError(.badRequest, "CSeq number out of range") }
        return SIPCSeq(sequenceNumber: number, method: SIPMethod(String(parts[1])))
    }

    private static func parseContacts(_ values: [String]) throws(SIPParseError) -> ([SIPNameAddress], Bool) {
        if values == ["*"] { return ([], true) }
        var contacts: [SIPNameAddress] = []
        for value in values {
            guard !value.isEmpty else { throw SIPParseError(.badRequest, "empty Contact value") }
            // RFC 3261 §20.10: a URI with ',', ';' or '?' must be in name-addr form (RFC 4475 §3.1.2.13).
            if !value.contains("<"), value.prefix(while: { $0 != ";" }).contains("?") {
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

    private static func body(of bytes: [UInt8], from start: Int, headers: SIPHeaderFields) throws(SIPParseError) -> [UInt8] {
        let available = bytes.count - start
        guard let length = try SIPStreamFramer.contentLength(headers) else { return Array(bytes[start...]) }
        guard length <= available else {
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

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
