/// The auth-params of a `Digest` header value, read and written by the grammar of RFC 3261 §25.1
/// (`challenge`, `credentials`) and RFC 7616 §3.3–§3.4.
///
/// Reading is tolerant where the grammar is: linear whitespace around `=` and `,`, folded lines,
/// empty list elements, quoted-pair escapes, parameter names in any case, and unknown parameters.
/// A parameter that appears twice is refused, so that two readers cannot disagree on its value.
struct DigestParameterList {
    /// Parameters in their original order, names lowercased, values unquoted and unescaped.
    private(set) var parameters: [(name: String, value: String)] = []

    /// The value of a parameter, looked up case-insensitively.
    subscript(name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    /// Reads a header value that must use the `Digest` scheme.
    ///
    /// - Throws: `unsupportedScheme` for any other scheme, `malformed` for broken syntax.
    init(parsing headerValue: String) throws(DigestAuthenticationError) {
        var scanner = Scanner(bytes: Array(headerValue.utf8))
        scanner.skipWhitespace()
        let scheme = scanner.readToken()
        guard !scheme.isEmpty else {
            throw DigestAuthenticationError(code: .malformed, detail: "no authentication scheme")
        }
        guard scheme.lowercased() == "digest" else {
            throw DigestAuthenticationError(code: .unsupportedScheme, detail: "scheme \(scheme) is not Digest")
        }
        guard scanner.isAtEnd || scanner.skipWhitespace() else {
            throw DigestAuthenticationError(code: .malformed, detail: "no space after the Digest scheme")
        }
        try readParameters(&scanner)
        guard !parameters.isEmpty else {
            throw DigestAuthenticationError(code: .malformed, detail: "Digest without parameters")
        }
    }

    private mutating func readParameters(_ scanner: inout Scanner) throws(DigestAuthenticationError) {
        while true {
            // Empty list elements are allowed (RFC 7230 §7 list rule), so skip stray commas.
            while scanner.skipWhitespace() || scanner.skip(UInt8(ascii: ",")) {}
            if scanner.isAtEnd { return }
            let name = scanner.readToken().lowercased()
            guard !name.isEmpty else {
                throw DigestAuthenticationError(code: .malformed, detail: "expected a parameter name")
            }
            scanner.skipWhitespace()
            guard scanner.skip(UInt8(ascii: "=")) else {
                throw DigestAuthenticationError(code: .malformed, detail: "parameter \(name) has no '='")
            }
            scanner.skipWhitespace()
            let value = try scanner.readValue(of: name)
            guard self[name] == nil else {
                throw DigestAuthenticationError(code: .malformed, detail: "parameter \(name) appears twice")
            }
            parameters.append((name: name, value: value))
            scanner.skipWhitespace()
            guard scanner.isAtEnd || scanner.skip(UInt8(ascii: ",")) else {
                throw DigestAuthenticationError(code: .malformed, detail: "expected ',' after parameter \(name)")
            }
        }
    }

    /// Writes a `Digest` header value; `quoted` parameters become quoted-strings (RFC 3261 §25.1).
    static func render(_ parameters: [(name: String, value: String, quoted: Bool)]) -> String {
        let rendered = parameters.map { parameter in
            parameter.quoted ? "\(parameter.name)=\(quote(parameter.value))" : "\(parameter.name)=\(parameter.value)"
        }
        return "Digest " + rendered.joined(separator: ", ")
    }

    /// Makes a quoted-string. `"` and `\` become quoted-pairs; CR and LF are dropped because a
    /// quoted-pair cannot carry them (RFC 3261 §25.1) and letting them through would split the header.
    static func quote(_ value: String) -> String {
        var result = "\""
        for character in value.unicodeScalars {
            switch character {
            case "\"", "\\": result.unicodeScalars.append("\\"); result.unicodeScalars.append(character)
            case "\r", "\n": continue
            default: result.unicodeScalars.append(character)
            }
        }
        return result + "\""
    }
}

extension DigestParameterList {
    /// A cursor over the UTF-8 bytes of a header value.
    private struct Scanner {
        let bytes: [UInt8]
        var index = 0

        var isAtEnd: Bool { index == bytes.count }

        /// Skips LWS (RFC 3261 §25.1), including folded line breaks; reports whether it moved.
        @discardableResult
        mutating func skipWhitespace() -> Bool {
            let start = index
            while index < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[index]) {
                index += 1
            }
            return index != start
        }

        mutating func skip(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// Reads a `token` (RFC 3261 §25.1).
        mutating func readToken() -> String {
            let start = index
            while index < bytes.count, Self.isTokenCharacter(bytes[index]) {
                index += 1
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        /// Reads a quoted-string or a bare value. Bare values run to the next comma or space rather
        /// than stopping at the strict token set, because servers send unquoted base64 nonces
        /// (with `/`, `+`, `=`) and the value is still unambiguous.
        mutating func readValue(of name: String) throws(DigestAuthenticationError) -> String {
            if skip(UInt8(ascii: "\"")) {
                return try readQuotedRemainder(of: name)
            }
            let start = index
            while index < bytes.count, ![UInt8(ascii: ","), 0x20, 0x09, 0x0D, 0x0A].contains(bytes[index]) {
                index += 1
            }
            guard index != start else {
                throw DigestAuthenticationError(code: .malformed, detail: "parameter \(name) has no value")
            }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }

        /// Reads the rest of a quoted-string after its opening quote, undoing quoted-pairs.
        private mutating func readQuotedRemainder(of name: String) throws(DigestAuthenticationError) -> String {
            var value: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    return String(decoding: value, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    // quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F): never CR or LF.
                    guard index < bytes.count, bytes[index] <= 0x7F, bytes[index] != 0x0A, bytes[index] != 0x0D else {
                        throw DigestAuthenticationError(code: .malformed, detail: "bad escape in parameter \(name)")
                    }
                    value.append(bytes[index])
                    index += 1
                default:
                    value.append(byte)
                }
            }
            throw DigestAuthenticationError(code: .malformed, detail: "unterminated quoted value in parameter \(name)")
        }

        /// `token` characters: alphanumerics and `-.!%*_+`'~` (RFC 3261 §25.1).
        private static func isTokenCharacter(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                true
            default:
                Array("-.!%*_+`'~".utf8).contains(byte)
            }
        }
    }
}
