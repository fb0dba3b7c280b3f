/// A SEMS module configuration file (`webconference.conf`, `xmlrpc2di.conf`) read the way SEMS's
/// `AmConfigReader::loadFile` reads it, so that an operator's existing file means the same here.
///
/// The syntax: one `key=value` per line, blanks allowed around `=`; an unquoted value ends at the
/// first blank or `#`; a `"…"` value keeps blanks and `#` (`\"` and `\\` escape inside quotes);
/// `#` outside quotes starts a comment; a line `@path` includes another file at that point. A key
/// given twice keeps its last value, as SEMS's map does.
public struct SEMSConfigFile: Sendable {
    /// One `key=value` line, with where it came from for messages about it.
    public struct Entry: Sendable, Hashable {
        /// The key, as written.
        public let key: String
        /// The value, unquoted.
        public let value: String
        /// The file the line is in (the name it was opened by).
        public let origin: String
        /// The 1-based line number in that file.
        public let line: Int
    }

    /// Every entry in file order, includes expanded in place.
    public private(set) var entries: [Entry] = []

    /// Parses the text of a file.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - origin: the file's name, for ``Entry/origin`` and errors.
    ///   - include: reads an `@path` include and returns its name and contents; includes are
    ///     resolved by the caller so that this type does no I/O.
    /// - Throws: ``SEMSConfigFileError`` for a line that is not `key=value`, an unterminated quote,
    ///   or an include that cannot be read or includes itself.
    public init(
        text: String,
        origin: String,
        include: (String) throws -> (origin: String, text: String) = { path in
            throw SEMSConfigFileError(.includeUnreadable, origin: path, line: 0, detail: "includes are not allowed here")
        }
    ) throws {
        try read(text: text, origin: origin, include: include, openOrigins: [origin])
    }

    /// The last value given for `key`, or `nil` when the file does not set it.
    public subscript(key: String) -> String? {
        entries.last { $0.key == key }?.value
    }

    /// The entry that set `key` last, for messages that point at a line.
    public func entry(for key: String) -> Entry? {
        entries.last { $0.key == key }
    }

    private mutating func read(
        text: String,
        origin: String,
        include: (String) throws -> (origin: String, text: String),
        openOrigins: Set<String>
    ) throws {
        var lineNumber = 0
        // `\r\n` is one Character in Swift, so split on every kind of line end.
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.first == "#" { continue }
            if trimmed.first == "@" {
                let path = String(trimmed.dropFirst()).trimmingBlanks()
                let included: (origin: String, text: String)
                do {
                    included = try include(path)
                } catch {
                    throw SEMSConfigFileError(.includeUnreadable, origin: origin, line: lineNumber, detail: "\(path): \(error)")
                }
                guard !openOrigins.contains(included.origin) else {
                    throw SEMSConfigFileError(.includeLoop, origin: origin, line: lineNumber, detail: included.origin)
                }
                try read(text: included.text, origin: included.origin, include: include, openOrigins: openOrigins.union([included.origin]))
                continue
            }
            entries.append(try Self.entry(parsing: trimmed, origin: origin, line: lineNumber))
        }
    }

    private static func entry(parsing line: Substring, origin: String, line number: Int) throws -> Entry {
        guard let equals = line.firstIndex(of: "=") else {
            throw SEMSConfigFileError(.malformedLine, origin: origin, line: number, detail: "expected key=value")
        }
        let key = String(line[..<equals]).trimmingBlanks()
        guard !key.isEmpty, !key.contains(where: { $0 == " " || $0 == "\t" || $0 == "#" }) else {
            throw SEMSConfigFileError(.malformedLine, origin: origin, line: number, detail: "bad key \"\(key)\"")
        }
        var rest = line[line.index(after: equals)...].drop { $0 == " " || $0 == "\t" }
        guard rest.first == "\"" else {
            let value = rest.prefix { $0 != " " && $0 != "\t" && $0 != "#" }
            return Entry(key: key, value: String(value), origin: origin, line: number)
        }
        rest = rest.dropFirst()
        var value = ""
        var escaping = false
        for character in rest {
            if escaping {
                value.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "\"" {
                return Entry(key: key, value: value, origin: origin, line: number)
            } else {
                value.append(character)
            }
        }
        throw SEMSConfigFileError(.unterminatedQuote, origin: origin, line: number, detail: "value of \(key)")
    }
}

extension String {
    fileprivate func trimmingBlanks() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        return String(drop(while: isBlank).reversed().drop(while: isBlank).reversed())
    }
}
