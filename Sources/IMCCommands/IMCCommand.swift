/// A command parsed from the first line of a MESSAGE body, as Kamailio's `imc_parse_cmd` reads it
/// (spec §2).
///
/// The name runs from the byte after the marker to the first space, TAB, CR, LF or NUL. Parameters
/// are read from the same line only, separated by spaces and TABs, at most
/// ``maximumParameterCount``; the rest of the line and every later line are ignored.
public struct IMCCommand: Sendable, Hashable {
    /// Kamailio's `IMC_CMD_MAX_PARAM`.
    public static let maximumParameterCount = 5

    /// The command, aliases folded in.
    public var name: IMCCommandName
    /// The name as typed (original case), quoted by the invalid-command text.
    public var typedName: String
    /// Up to five parameters, as typed.
    public var parameters: [String]

    /// Creates a command from its parts.
    public init(name: IMCCommandName, typedName: String, parameters: [String] = []) {
        self.name = name
        self.typedName = typedName
        self.parameters = parameters
    }

    /// Parses a body whose first byte is the command marker (the marker itself is not checked:
    /// the caller has decided the body is a command).
    ///
    /// - Throws: ``IMCCommandParseError`` when no name follows the marker.
    public init(parsing body: [UInt8]) throws(IMCCommandParseError) {
        var index = body.startIndex + 1
        let nameStart = index
        while index < body.endIndex, !Self.endsName(body[index]) {
            index += 1
        }
        guard index > nameStart else { throw IMCCommandParseError() }
        typedName = String(decoding: body[nameStart..<index], as: UTF8.self)
        name = IMCCommandName(typed: typedName)
        parameters = []
        guard name.takesParameters else { return }
        while parameters.count < Self.maximumParameterCount {
            while index < body.endIndex, body[index] == UInt8(ascii: " ") || body[index] == UInt8(ascii: "\t") {
                index += 1
            }
            guard index < body.endIndex, !Self.endsLine(body[index]) else { return }
            let start = index
            while index < body.endIndex, !Self.endsName(body[index]) {
                index += 1
            }
            parameters.append(String(decoding: body[start..<index], as: UTF8.self))
        }
    }

    /// The parameter at `position`, or `nil` when fewer were given.
    func parameter(_ position: Int) -> String? {
        position < parameters.count ? parameters[position] : nil
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || endsLine(byte)
    }

    private static func endsLine(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") || byte == 0
    }
}
