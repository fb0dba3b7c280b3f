import ConferenceModel
import IMCCommands

/// Drives an ``IMCRoomManager`` the way the `parley-imc` router would, with users at `imc.test`
/// and a Call-ID per step, and renders what comes out compactly for assertions.
struct IMCChat {
    var manager: IMCRoomManager
    private(set) var step = 0

    init(configuration: IMCConfiguration = .kamailioDefaults, rooms: [IMRoom] = []) {
        manager = IMCRoomManager(configuration: configuration, rooms: rooms)
    }

    /// Sends `body` from `user` (a name at imc.test, or a full URI) to `target` (a room name at
    /// imc.test, or a full URI).
    mutating func send(_ user: String, to target: String, _ body: String) throws -> IMCOutcome {
        try send(user, to: target, bytes: Array(body.utf8))
    }

    mutating func send(_ user: String, to target: String, bytes: [UInt8]) throws -> IMCOutcome {
        step += 1
        let message = IncomingIMMessage(
            requestURI: try IMCMessageURI(parsing: Self.uri(target)), fromURI: try IMCMessageURI(parsing: Self.uri(user)),
            callID: "step\(step)", contentType: "text/plain", body: bytes
        )
        return manager.handle(message)
    }

    /// The room at imc.test with this name, as the manager holds it.
    func room(_ name: String) -> IMRoom? {
        manager.room(IMAddress(user: name, domain: "imc.test"))
    }

    static func uri(_ name: String) -> String {
        name.hasPrefix("sip:") ? name : "sip:\(name)@imc.test"
    }
}

extension IMCOutcome {
    /// Each outgoing MESSAGE as `from -> to: body`.
    var sent: [String] { outgoing.map { "\($0.from) -> \($0.to): \($0.bodyText)" } }
}

extension IMRoom {
    /// `*name`, `~name`, `name`, `?name` (invited) in list order.
    var roster: [String] {
        members.map { member in
            let mark = member.isInvited ? "?" : (member.role == .owner ? "*" : (member.role == .admin ? "~" : ""))
            return mark + member.address.user
        }
    }
}

func member(_ name: String, _ role: IMMemberRole = .member, invited: Bool = false) -> IMMember {
    IMMember(address: IMAddress(user: name, domain: "imc.test"), role: role, isInvited: invited)
}

func address(_ name: String) -> IMAddress {
    IMAddress(user: name, domain: "imc.test")
}
