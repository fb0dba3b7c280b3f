import Foundation

/// The RFC 4475 torture messages kept byte-exact under `Tests/Fixtures/rfc4475`, with their manifest.
public struct RFC4475Fixtures: Sendable {
    /// One row of `manifest.tsv`.
    public struct Entry: Sendable {
        /// The message's tag, also its file name without `.sip`.
        public var tag: String
        /// `valid`, `invalid`, `valid-but-reject` or `other`.
        public var expected: String
        /// What a UAS should do, in words.
        public var uasAction: String
        /// The message's bytes, read as bytes (some hold NUL, bare CR or LF).
        public var bytes: [UInt8]
    }

    /// Every manifest row in file order.
    public let entries: [Entry]

    /// Loads the fixtures from the folder beside the package's `Tests/` tree.
    public init(directory: URL = RFC4475Fixtures.defaultDirectory) throws {
        let manifest = try String(contentsOf: directory.appendingPathComponent("manifest.tsv"), encoding: .utf8)
        entries = try manifest.split(separator: "\n").dropFirst().map { line in
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let file = directory.appendingPathComponent("messages/\(columns[0]).sip")
            return Entry(
                tag: columns[0], expected: columns[2], uasAction: columns[3],
                bytes: Array(try Data(contentsOf: file)))
        }
    }

    /// The entry with `tag`.
    public subscript(tag: String) -> Entry? { entries.first { $0.tag == tag } }

    /// `Tests/Fixtures/rfc4475` of this package.
    public static var defaultDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Tests/Fixtures/rfc4475")
    }
}
