/// Why `imc.list_members` could not answer; ``message`` is Kamailio's fault string, sent with
/// fault code 500 (spec §14).
public enum IMCMemberListingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No parameter was given.
    case noRoomName
    /// The parameter is empty or starts with `.`.
    case emptyRoomName
    /// The parameter is not a SIP URI (e.g. `chat-4`).
    case invalidRoomName
    /// No such room.
    case roomNotFound

    /// Kamailio's fault string.
    public var message: String {
        switch self {
        case .noRoomName: "No room name"
        case .emptyRoomName: "Empty room name"
        case .invalidRoomName: "Invalid room name"
        case .roomNotFound: "Room not found"
        }
    }

    /// The fault code Kamailio uses for all of them.
    public var faultCode: Int { 500 }

    /// The fault string.
    public var description: String { message }
}
