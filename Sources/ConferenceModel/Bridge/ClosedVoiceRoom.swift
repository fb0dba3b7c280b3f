/// A room the directory closed by itself when its `roomCreate` timeout ran out (spec §9.3).
public struct ClosedVoiceRoom: Sendable, Hashable {
    /// The room name.
    public var name: String
    /// The calls to hang up.
    public var callTags: [String]

    /// Creates a record.
    public init(name: String, callTags: [String]) {
        self.name = name
        self.callTags = callTags
    }
}
