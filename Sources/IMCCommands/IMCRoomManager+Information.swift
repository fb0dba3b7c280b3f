import ConferenceModel

/// `#members`, `#rooms`, `#help` and unknown commands: answers that change nothing (spec §4).
extension IMCRoomManager {
    /// `#members [room]` / `#list`: any member, invited ones included, may list; the list shows
    /// active members only, `*` for the owner and `~` for admins.
    func listMembers(_ command: IMCCommand, _ message: IncomingIMMessage) -> IMCOutcome {
        guard let address = roomAddress(command.parameter(0), message), let room = self.room(address),
            let index = room.memberIndex(of: message.fromURI.address)
        else { return IMCOutcome(returnCode: .listFailed) }
        let lines = room.activeMembers.map { member in
            let mark = switch member.role {
            case .owner: "*"
            case .admin: "~"
            case .member: ""
            }
            return mark + IMCText.bracketed(member.address.user)
        }
        guard let body = listing(heading: "Members:", lines: lines) else { return IMCOutcome(returnCode: .listFailed) }
        let reply = send(body, from: room.address.uri, to: room.members[index].address.uri, for: message)
        return IMCOutcome(returnCode: .success, outgoing: [reply])
    }

    /// `#rooms`: every room, private ones and ones the sender is not in included (B16, kept), in
    /// hash table order; answered from the Request-URI to the From URI verbatim.
    func listRooms(_ message: IncomingIMMessage) -> IMCOutcome {
        let lines = roomsInListOrder.map { IMCText.bracketed($0.address.user) }
        guard let body = listing(heading: "Rooms:", lines: lines) else { return IMCOutcome(returnCode: .listFailed) }
        return IMCOutcome(returnCode: .success, outgoing: [replyToSender(body, for: message)])
    }

    /// `#help`: Kamailio's help text, from the Request-URI to the From URI verbatim.
    func help(_ message: IncomingIMMessage) -> IMCOutcome {
        let text = IMCText.help(listingModify: configuration.helpListsModify)
        return IMCOutcome(returnCode: .success, outgoing: [replyToSender(text, for: message)])
    }

    /// Any other command: `*** Invalid command '<name>' (send '#help' for help)`.
    func answerUnknown(_ command: IMCCommand, _ message: IncomingIMMessage) -> IMCOutcome {
        let text = IMCText.invalidCommand(command.typedName, commandStart: configuration.commandStart)
        guard text.utf8.count < configuration.bodyBufferSize else {
            return IMCOutcome(returnCode: .unknownCommandFailed)
        }
        return IMCOutcome(returnCode: .success, outgoing: [replyToSender(text, for: message)])
    }

    /// `Heading:\n` and the lines joined by `\n`, no trailing newline (`Heading:` alone when there
    /// are no lines), or `nil` when Kamailio's buffer would overrun: with the newline it writes
    /// after each line and the byte it keeps free, the text must stay three bytes under the buffer.
    private func listing(heading: String, lines: [String]) -> String? {
        let body = ([heading] + lines).joined(separator: "\n")
        let written = body.utf8.count + 1
        return written <= configuration.bodyBufferSize - 2 ? body : nil
    }
}
