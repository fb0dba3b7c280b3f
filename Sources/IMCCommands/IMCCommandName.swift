/// The commands of Kamailio imc's language, aliases folded in (spec §2).
public enum IMCCommandName: Sendable, Hashable {
    /// `#create [room] [private]`.
    case create
    /// `#join [room]`.
    case join
    /// `#invite <user> [room]`.
    case invite
    /// `#add <user> [room]`.
    case add
    /// `#accept [room]`.
    case accept
    /// `#reject [room]`, alias `#deny`.
    case reject
    /// `#remove <user> [room]`.
    case remove
    /// `#leave [room]`, alias `#exit`.
    case leave
    /// `#members [room]`, alias `#list`.
    case members
    /// `#rooms`.
    case rooms
    /// `#destroy [room]`.
    case destroy
    /// `#modify <user> <role> [room]` (Kamailio 5.7+).
    case modify
    /// `#help`.
    case help
    /// Any other name; answered with `*** Invalid command '<name>' …`.
    case unknown

    /// Matches a typed name ignoring ASCII case, as `strncasecmp` with equal lengths does.
    init(typed name: String) {
        self =
            switch name.asciiLowercased {
            case "create": .create
            case "join": .join
            case "invite": .invite
            case "add": .add
            case "accept": .accept
            case "reject", "deny": .reject
            case "remove": .remove
            case "leave", "exit": .leave
            case "members", "list": .members
            case "rooms": .rooms
            case "destroy": .destroy
            case "modify": .modify
            case "help": .help
            default: .unknown
            }
    }

    /// Whether parameters are read after the name: `#help` and unknown commands skip them.
    var takesParameters: Bool { self != .help && self != .unknown }
}
