/// The texts imc sends, byte for byte as Kamailio 5.6 has them in `imc_cmd.c` (spec §8),
/// "permmission" and all.
enum IMCText {
    static let roomCreated = "*** Room was created"
    static let roomDestroyed = "*** Room has been destroyed"
    static let roomNotFound = "*** Room not found"
    static let roomExists = "*** Room already exists"
    /// Names `#destroy` literally whatever the configured start string (B17, kept as Kamailio has it).
    static let ownerCannotLeave =
        "*** You are the room's owner and cannot leave. Use #destroy if you wish to destroy the room."
    static let privateRoomExists = "*** A private room with the same name already exists"
    static let roomExistsAndYouAreMember = "*** Room already exists and you are a member"
    static let alreadyInRoom = "*** You are in the room already"
    /// Says owners are notified; every active member is (B13, kept: it is what clients see).
    static let privateRoomRefused = "*** Private rooms are by invitation only. Room owners have been notified."
    static let addNotPermitted = "*** You don't have the permmission to add members to this room"
    static let modifyNotPermitted = "*** You don't have the permmission to modify members in this room"
    static let youWereRemoved = "*** You have been removed from the room"

    static func joined(_ user: String) -> String { "*** \(user) has joined the room" }
    static func left(_ user: String) -> String { "*** \(user) has left the room" }
    static func attemptedToJoin(_ user: String) -> String { "*** \(user) attempted to join the room" }

    static func invitation(from inviter: String, commandStart: String) -> String {
        "*** \(inviter) invites you to join the room (send '\(commandStart)accept' or '\(commandStart)reject')"
    }

    static func modified(_ memberURI: String, role typedRole: String) -> String {
        "*** \(memberURI) is now \(typedRole)"
    }

    static func invalidCommand(_ typedName: String, commandStart: String) -> String {
        "*** Invalid command '\(typedName)' (send '\(commandStart)help' for help)"
    }

    /// `<user>@<host> is not registered. `: the stored URI without `sip:`, one trailing space.
    static func notRegistered(_ memberURI: String) -> String {
        "\(memberURI.dropFirst(4)) is not registered. "
    }

    /// `IMC_HELP_MSG`: leading and trailing CRLF, literal `#` (B17), "list members is a" sic.
    static func help(listingModify: Bool) -> String {
        let modifyLine =
            listingModify ? "#modify <user_name> <role> [<room_name>] - modify user role in a conference room\r\n" : ""
        return "\r\n#create <room_name> - create new conference room\r\n"
            + "#join [<room_name>] - join the conference room\r\n"
            + "#invite <user_name> [<room_name>] - invite a user to join a conference room\r\n"
            + "#add <user_name> [<room_name>] - add a user to a conference room\r\n"
            + modifyLine
            + "#accept - accept invitation to join a conference room\r\n"
            + "#reject - reject invitation to join a conference room\r\n"
            + "#remove <user_name> [<room_name>] - remove a user from the conference room\r\n"
            + "#members - list members is a conference room\r\n"
            + "#rooms - list existing conference rooms\r\n"
            + "#leave [<room_name>] - leave from a conference room\r\n"
            + "#destroy [<room_name>] - destroy conference room\r\n"
    }

    /// `format_uri`: `[user]`, or nothing when it does not fit Kamailio's 512-byte buffer.
    static func bracketed(_ user: String) -> String {
        let text = "[\(user)]"
        return text.utf8.count >= 512 ? "" : text
    }
}
