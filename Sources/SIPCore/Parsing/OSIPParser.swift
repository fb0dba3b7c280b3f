import COSIP2

/// libosip2's one-time parser set-up (`parser_init`) with its trace output switched off, run on first use.
private let osipParserReady: Void = {
    parser_init()
    for level in 0..<Int(END_TRACE_LEVEL.rawValue) {
        osip_trace_disable_level(osip_trace_level_t(rawValue: UInt32(level)))
    }
}()

/// The one owner of libosip2 in Parley: it parses the header values routing needs (URI, Via,
/// From/To/Contact) with libosip2's grammar and hands them out as Swift values.
///
/// Each call makes its libosip2 structure, reads it into Swift values and frees it before it
/// returns, so no C pointer outlives a call and no state is shared between calls.
///
/// libosip2 works on C strings and unescapes user parts into them, which would cut a value at an
/// escaped or literal NUL (RFC 4475 §3.1.1.1, §3.1.1.4). Two measures keep those intact: NUL bytes
/// travel through libosip2 as 0xFF (a byte valid UTF-8 never contains) and come back as NUL, and the
/// user part of a URI is taken from the original text, escapes kept.
enum OSIPParser {
    /// Parses a URI. `sip:` and `sips:` go through libosip2; other schemes are kept opaque.
    static func parseURI(_ text: String) throws(SIPParseError) -> SIPURI {
        guard let colon = text[...].firstIndex(ofByte: UInt8(ascii: ":")), colon != text.startIndex else {
            throw SIPParseError(.badRequest, "URI without a scheme")
        }
        let scheme = text[..<colon].lowercased()
        guard scheme == "sip" || scheme == "sips" else {
            return SIPURI(scheme: scheme, opaquePart: String(text[text.index(after: colon)...]))
        }
        _ = osipParserReady
        var uri: UnsafeMutablePointer<osip_uri_t>?
        guard osip_uri_init(&uri) == 0, let uri else { throw SIPParseError(.badRequest, "out of memory") }
        defer { osip_uri_free(uri) }
        let status = withOSIPString(text) { osip_uri_parse(uri, $0) }
        guard status == 0 else { throw SIPParseError(.badRequest, "malformed URI") }
        return try makeURI(uri.pointee, originalText: text[...])
    }

    /// Parses the first value of a Via header.
    static func parseVia(_ text: String) throws(SIPParseError) -> SIPVia {
        _ = osipParserReady
        var via: UnsafeMutablePointer<osip_via_t>?
        guard osip_via_init(&via) == 0, let via else { throw SIPParseError(.badRequest, "out of memory") }
        defer { osip_via_free(via) }
        guard withOSIPString(text, { osip_via_parse(via, $0) }) == 0,
              let host = string(via.pointee.host), let transport = string(via.pointee.protocol)
        else { throw SIPParseError(.badRequest, "malformed Via") }
        guard string(via.pointee.version) == "2.0" else {
            throw SIPParseError(.versionNotSupported, "Via names a SIP version other than 2.0")
        }
        return SIPVia(
            transport: transport.uppercased(), host: host, port: try port(via.pointee.port, in: "Via"),
            parameters: parameters(via.pointee.via_params))
    }

    /// Parses a From, To or Contact value (`name-addr` or `addr-spec` with header parameters).
    static func parseNameAddress(_ text: String) throws(SIPParseError) -> SIPNameAddress {
        _ = osipParserReady
        var from: UnsafeMutablePointer<osip_from_t>?
        guard osip_from_init(&from) == 0, let from else { throw SIPParseError(.badRequest, "out of memory") }
        defer { osip_from_free(from) }
        guard withOSIPString(text, { osip_from_parse(from, $0) }) == 0, let url = from.pointee.url else {
            throw SIPParseError(.badRequest, "malformed name-addr")
        }
        let uriText = uriSubstring(of: text)
        return SIPNameAddress(
            displayName: string(from.pointee.displayname).map(unquoted),
            uri: try makeURI(url.pointee, originalText: uriText),
            parameters: parameters(from.pointee.gen_params))
    }

    // MARK: - Converting libosip2 structures

    private static func makeURI(_ uri: osip_uri_t, originalText: Substring) throws(SIPParseError) -> SIPURI {
        guard let rawScheme = string(uri.scheme) else { throw SIPParseError(.badRequest, "URI without a scheme") }
        let scheme = rawScheme.caseInsensitiveEquals("sip") ? "sip" : rawScheme.caseInsensitiveEquals("sips") ? "sips" : rawScheme.lowercased()
        guard scheme == "sip" || scheme == "sips" else {
            let opaque = string(uri.string) ?? String(originalText.drop { $0 != ":" }.dropFirst())
            return SIPURI(scheme: scheme, opaquePart: opaque)
        }
        guard let host = string(uri.host), !host.isEmpty else { throw SIPParseError(.badRequest, "URI without a host") }
        var user: String?
        var password: String?
        if uri.username != nil, let userInfo = rawUserInfo(of: originalText) {
            if let colon = userInfo.firstIndex(ofByte: UInt8(ascii: ":")) {
                user = String(userInfo[..<colon])
                password = String(userInfo[userInfo.index(after: colon)...])
            } else {
                user = String(userInfo)
            }
        }
        return SIPURI(
            scheme: scheme, user: user, password: password, host: host, port: try port(uri.port, in: "URI"),
            parameters: parameters(uri.url_params), headers: parameters(uri.url_headers))
    }

    /// The `userinfo` of a SIP URI as written: between `scheme:` and the first `@` (an `@` inside the
    /// user part must be escaped, RFC 3261 §25.1).
    private static func rawUserInfo(of text: Substring) -> Substring? {
        guard let colon = text.firstIndex(ofByte: UInt8(ascii: ":")), let at = text.firstIndex(ofByte: UInt8(ascii: "@")),
              colon < at
        else { return nil }
        return text[text.utf8.index(after: colon)..<at]
    }

    /// The URI inside `<…>`, or the value up to its first header parameter for an addr-spec.
    private static func uriSubstring(of text: String) -> Substring {
        let whole = text[...]
        if let open = whole.firstIndex(ofByte: UInt8(ascii: "<")),
           let close = whole[open...].firstIndex(ofByte: UInt8(ascii: ">")) {
            return whole[text.utf8.index(after: open)..<close]
        }
        return whole[..<(whole.firstIndex(ofByte: UInt8(ascii: ";")) ?? whole.endIndex)]
    }

    private static func port(_ text: UnsafeMutablePointer<CChar>?, in element: String) throws(SIPParseError) -> Int? {
        guard let text = string(text) else { return nil }
        guard let port = Int(text), (0...65535).contains(port) else {
            throw SIPParseError(.badRequest, "\(element) port out of range")
        }
        return port
    }

    private static func parameters(_ list: osip_list_t) -> [SIPParameter] {
        var result: [SIPParameter] = []
        result.reserveCapacity(Int(list.nb_elt))
        var node = list.node
        while let current = node {
            if let element = current.pointee.element?.assumingMemoryBound(to: osip_uri_param_t.self),
               let name = string(element.pointee.gname) {
                result.append(SIPParameter(name: name, value: string(element.pointee.gvalue)))
            }
            node = current.pointee.next
        }
        return result
    }

    /// A display name without surrounding quotes and with quoted-pairs undone (RFC 3261 §25.1).
    private static func unquoted(_ displayName: String) -> String {
        let trimmed = displayName.trimmingSIPWhitespace()
        let bytes = trimmed.utf8
        guard bytes.count >= 2, bytes.first == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "\"") else { return trimmed }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var escaped = false
        for byte in bytes.dropFirst().dropLast() {
            if escaped || byte != UInt8(ascii: "\\") {
                result.append(byte)
                escaped = false
            } else {
                escaped = true
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    // MARK: - C strings

    /// Calls `body` with `text` as a C string whose NUL bytes are carried as 0xFF.
    private static func withOSIPString(_ text: String, _ body: (UnsafePointer<CChar>) -> Int32) -> Int32 {
        let hasNUL = text.utf8.withContiguousStorageIfAvailable { $0.contains(0) } ?? text.utf8.contains(0)
        if !hasNUL { return text.withCString(body) }
        var bytes = [CChar]()
        bytes.reserveCapacity(text.utf8.count + 1)
        for byte in text.utf8 { bytes.append(CChar(bitPattern: byte == 0 ? 0xFF : byte)) }
        bytes.append(0)
        return bytes.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// A Swift string from a libosip2 C string, turning 0xFF back into NUL.
    private static func string(_ pointer: UnsafeMutablePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        var length = 0
        while pointer[length] != 0 { length += 1 }
        let bytes = UnsafeRawBufferPointer(start: pointer, count: length)
        guard bytes.contains(0xFF) else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes.map { $0 == 0xFF ? 0 : $0 }, as: UTF8.self)
    }
}
