import IMCCommands
import Testing

@Suite struct IMCCommandTests {
    private func parse(_ text: String) throws -> IMCCommand {
        try IMCCommand(parsing: Array(text.utf8))
    }

    @Test func namesAndAliasesMatchIgnoringCase() throws {
        let expected: [(String, IMCCommandName)] = [
            ("#CREATE", .create), ("#Join", .join), ("#invite", .invite), ("#add", .add), ("#accept", .accept),
            ("#reject", .reject), ("#deny", .reject), ("#remove", .remove), ("#leave", .leave), ("#exit", .leave),
            ("#members", .members), ("#list", .members), ("#rooms", .rooms), ("#destroy", .destroy),
            ("#modify", .modify), ("#HELP", .help), ("#frobnicate", .unknown), ("#joinx", .unknown),
        ]
        for (text, name) in expected {
            #expect(try parse(text).name == name, "\(text)")
        }
        #expect(try parse("#Frobnicate now").typedName == "Frobnicate")
    }

    @Test func parametersComeFromTheFirstLineOnlyAndAtMostFive() throws {
        #expect(try parse("#join chat-4\nsecond line").parameters == ["chat-4"])
        #expect(try parse("#members chat-4 extra args are ignored").parameters == ["chat-4", "extra", "args", "are", "ignored"])
        #expect(try parse("#invite a b c d e f g").parameters == ["a", "b", "c", "d", "e"])
        #expect(try parse("#invite \t bob\t chat-1  \r\n#x").parameters == ["bob", "chat-1"])
        #expect(try parse("#create\r\nprivate").parameters == [])
    }

    @Test func helpAndUnknownCommandsReadNoParameters() throws {
        #expect(try parse("#help me please").parameters == [])
        #expect(try parse("#nope a b").parameters == [])
    }

    @Test func aMarkerWithoutNameIsAParseError() {
        for text in ["#", "# join", "#\n", "#\tjoin", "#\r\n"] {
            #expect(throws: IMCCommandParseError.self, "\(text)") { try parse(text) }
        }
    }
}
