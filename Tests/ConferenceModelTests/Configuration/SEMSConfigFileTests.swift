import ConferenceModel
import Testing

@Suite("SEMS configuration files")
struct SEMSConfigFileTests {
    @Test("key=value with blanks, comments, quotes and the last value winning")
    func readsValuesAsSEMSDoes() throws {
        let file = try SEMSConfigFile(text: """
            # webconference.conf
            digits_dir = /usr/lib/sems/audio/webconference/   # trailing comment
            direct_room_re="000777 .*#x"
            \tdirect_room_strip=6
            escaped="say \\"hi\\" \\\\ bye"
            ignore_pin=no
            ignore_pin=yes\r
            empty=
            """, origin: "webconference.conf")
        #expect(file["digits_dir"] == "/usr/lib/sems/audio/webconference/")
        #expect(file["direct_room_re"] == "000777 .*#x")
        #expect(file["direct_room_strip"] == "6")
        #expect(file["escaped"] == #"say "hi" \ bye"#)
        #expect(file["ignore_pin"] == "yes")
        #expect(file.entry(for: "ignore_pin")?.line == 7)
        #expect(file["empty"] == "")
        #expect(file["missing"] == nil)
    }

    @Test("an unquoted value stops at the first blank")
    func unquotedValueStopsAtBlank() throws {
        let file = try SEMSConfigFile(text: "predefined_rooms=a:1;b:2 c:3\n", origin: "f")
        #expect(file["predefined_rooms"] == "a:1;b:2")
    }

    @Test("@file includes another file in place, and include loops are refused")
    func includes() throws {
        let files = ["common.conf": "master_password=secret\n", "loop.conf": "@loop.conf\n"]
        let reader: (String) throws -> (origin: String, text: String) = { path in
            guard let text = files[path] else { throw SEMSConfigFileError(.includeUnreadable, origin: path, line: 0, detail: "missing") }
            return (path, text)
        }
        let file = try SEMSConfigFile(text: "a=1\n@common.conf\nb=2\n", origin: "main.conf", include: reader)
        #expect(file.entries.map(\.key) == ["a", "master_password", "b"])
        #expect(file.entry(for: "master_password")?.origin == "common.conf")
        #expect(throws: SEMSConfigFileError.self) { try SEMSConfigFile(text: "@loop.conf\n", origin: "main.conf", include: reader) }
        #expect(throws: SEMSConfigFileError.self) { try SEMSConfigFile(text: "@nothere.conf\n", origin: "main.conf", include: reader) }
    }

    @Test("malformed lines and unterminated quotes name the file and line")
    func errors() {
        #expect {
            try SEMSConfigFile(text: "a=1\njust words\n", origin: "w.conf")
        } throws: { error in
            (error as? SEMSConfigFileError).map { $0.code == .malformedLine && $0.line == 2 && $0.origin == "w.conf" } ?? false
        }
        #expect {
            try SEMSConfigFile(text: "direct_room_re=\"abc\n", origin: "w.conf")
        } throws: { error in
            (error as? SEMSConfigFileError)?.code == .unterminatedQuote
        }
    }
}
