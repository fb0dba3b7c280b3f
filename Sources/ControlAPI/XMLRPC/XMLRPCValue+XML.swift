import Foundation

extension XMLRPCValue {
    /// Reads a `<value>` element.
    init(element value: XMLRPCElement) throws(XMLRPCFault) {
        guard let typed = value.onlyChild else {
            guard value.children.isEmpty else { throw .malformedRequest("<value> holds several elements") }
            // An untyped value is a string, whitespace and all (XML-RPC specification).
            self = .string(value.text)
            return
        }
        let text = typed.trimmedText
        switch typed.name {
        case "i4", "int":
            guard let number = Int(text), (Int(Int32.min)...Int(Int32.max)).contains(number) else {
                throw .malformedRequest("<\(typed.name)>\(text)</\(typed.name)> is not a 32-bit integer")
            }
            self = .int(number)
        case "boolean":
            guard text == "0" || text == "1" else { throw .malformedRequest("<boolean>\(text)</boolean> is not 0 or 1") }
            self = .bool(text == "1")
        case "string":
            self = .string(typed.text)
        case "double":
            guard let number = Double(text), number.isFinite else {
                throw .malformedRequest("<double>\(text)</double> is not a number")
            }
            self = .double(number)
        case "base64":
            guard let data = Data(base64Encoded: text, options: .ignoreUnknownCharacters) else {
                throw .malformedRequest("<base64> is not base64")
            }
            self = .base64(Array(data))
        case "dateTime.iso8601":
            self = .dateTime(text)
        case "nil":
            self = .nil
        case "array":
            guard let data = typed.onlyChild, data.name == "data" else { throw .malformedRequest("<array> without one <data>") }
            var elements: [XMLRPCValue] = []
            for element in data.children {
                guard element.name == "value" else { throw .malformedRequest("<data> holds <\(element.name)>") }
                elements.append(try XMLRPCValue(element: element))
            }
            self = .array(elements)
        case "struct":
            var members: [String: XMLRPCValue] = [:]
            for member in typed.children {
                guard member.name == "member",
                    let name = member.children.first(where: { $0.name == "name" }),
                    let element = member.children.first(where: { $0.name == "value" }),
                    member.children.count == 2
                else { throw .malformedRequest("<struct> holds a member without one <name> and one <value>") }
                members[name.text] = try XMLRPCValue(element: element)
            }
            self = .struct(members)
        default:
            throw .malformedRequest("unknown value type <\(typed.name)>")
        }
    }

    /// Writes `<value>…</value>` the way XmlRpc++ does: ints as `<i4>`, strings as `<string>`
    /// with `< > & ' "` escaped, an empty array as `<array><data></data></array>`.
    func write(to text: inout String) {
        text += "<value>"
        switch self {
        case .int(let number): text += "<i4>\(number)</i4>"
        case .bool(let flag): text += "<boolean>\(flag ? 1 : 0)</boolean>"
        case .string(let string): text += "<string>\(Self.escaped(string))</string>"
        case .double(let number): text += "<double>\(number.isFinite ? String(number) : "0")</double>"
        case .base64(let bytes): text += "<base64>\(Data(bytes).base64EncodedString())</base64>"
        case .dateTime(let stamp): text += "<dateTime.iso8601>\(Self.escaped(stamp))</dateTime.iso8601>"
        case .array(let elements):
            text += "<array><data>"
            for element in elements { element.write(to: &text) }
            text += "</data></array>"
        case .struct(let members):
            text += "<struct>"
            for name in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                text += "<member><name>\(Self.escaped(name))</name>"
                members[name]?.write(to: &text)
                text += "</member>"
            }
            text += "</struct>"
        case .nil: text += "<nil/>"
        }
        text += "</value>"
    }

    /// XmlRpc++'s `xmlEncode`: only the five XML special characters are replaced.
    static func escaped(_ string: String) -> String {
        var result = ""
        result.reserveCapacity(string.utf8.count)
        for character in string.unicodeScalars {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "'": result += "&apos;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
