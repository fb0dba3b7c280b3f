/// The values Kamailio's `imc_manager()` returns, exactly (spec §1). The routing script answers
/// the request from them; ``sipStatus`` is Parley's answer.
public enum IMCReturnCode: Int, Sendable, Hashable, CaseIterable {
    /// Handled, including every case where imc explains something to the user.
    case success = 1
    /// No or empty body, or an unparsable Request-URI or From URI.
    case invalidRequest = -1
    /// The marker is not followed by a command name.
    case commandParseFailed = -20
    /// `#create` failed.
    case createFailed = -30
    /// `#join` failed.
    case joinFailed = -40
    /// `#invite` or `#add` failed.
    case inviteFailed = -50
    /// `#accept` failed.
    case acceptFailed = -60
    /// `#reject` / `#deny` failed.
    case rejectFailed = -70
    /// `#remove` failed.
    case removeFailed = -80
    /// `#leave` / `#exit` failed.
    case leaveFailed = -90
    /// `#members` / `#list` or `#rooms` failed.
    case listFailed = -100
    /// `#destroy` failed.
    case destroyFailed = -110
    /// `#modify` failed (Kamailio 5.7+ shares -120 with `#help`, which never fails).
    case modifyFailed = -120
    /// The invalid-command text could not be built (the typed name is too long).
    case unknownCommandFailed = -130
    /// A plain message was not relayed: no such room, sender not an active member, or too long.
    case messageFailed = -200

    /// The reply to the MESSAGE: `200 OK` on success, otherwise a 500 whose reason says what failed.
    public var sipStatus: IMCSIPStatus {
        switch self {
        case .success: IMCSIPStatus(statusCode: 200, reasonPhrase: "OK")
        case .invalidRequest: IMCSIPStatus(statusCode: 500, reasonPhrase: "Empty Body or Bad URI")
        case .commandParseFailed: IMCSIPStatus(statusCode: 500, reasonPhrase: "Missing Command Name")
        case .createFailed: IMCSIPStatus(statusCode: 500, reasonPhrase: "Create Failed")
        case .joinFailed: IMCSIPStatus(statusCode: 500, reasonPhrase: "Join Failed")
        case .inviteFailed: IMCSIPStatus(statusCode: 500, reasonPhrase: "Invite Failed")
        case .acceptFailed: IMCSIPStatus(statusCode: 500, reasonPhrase: "Accept Failed")
        case .rejectFailed: IMCSIPStatus(statusCode: 500, reasonPhrase: "Reject Failed")
        case .removeFailed: IMCSIPStatus(statusCode: 500, reasonPhrase: "Remove Failed")
        case .leaveFailed: IMCSIPStatus(statusCode: 500, reasonPhrase: "Leave Failed")
        case .listFailed: IMCSIPStatus(statusCode: 500, reasonPhrase: "Listing Failed")
        case .destroyFailed: IMCSIPStatus(statusCode: 500, reasonPhrase: "Destroy Failed")
        case .modifyFailed: IMCSIPStatus(statusCode: 500, reasonPhrase: "Modify Failed")
        case .unknownCommandFailed: IMCSIPStatus(statusCode: 500, reasonPhrase: "Unknown Command")
        case .messageFailed: IMCSIPStatus(statusCode: 500, reasonPhrase: "Message Not Relayed")
        }
    }
}
