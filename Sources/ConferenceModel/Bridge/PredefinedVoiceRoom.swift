/// A room opened at start-up, one `room:pin` entry of SEMS's `predefined_rooms` (spec §5).
public struct PredefinedVoiceRoom: Sendable, Hashable {
    /// The room name.
    public var name: String
    /// Its admin PIN.
    public var adminPIN: String

    /// Creates an entry.
    public init(name: String, adminPIN: String) {
        self.name = name
        self.adminPIN = adminPIN
    }

    /// Parses `predefined_rooms` (`room:pwd;room2:pwd2`). Empty entries are skipped; an entry
    /// without exactly one `:` makes the whole value invalid (`nil`), as it makes SEMS's load fail.
    public static func parseList(_ value: String) -> [PredefinedVoiceRoom]? {
        var rooms: [PredefinedVoiceRoom] = []
        for entry in value.split(separator: ";", omittingEmptySubsequences: true) {
            let parts = entry.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2 else { return nil }
            rooms.append(PredefinedVoiceRoom(name: String(parts[0]), adminPIN: String(parts[1])))
        }
        return rooms
    }
}
