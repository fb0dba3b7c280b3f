import ConferenceModel

/// `#invite`, `#add`, `#remove` and `#modify`: what owners and admins do to others (spec §4, §9).
extension IMCRoomManager {
    /// `#invite <user> [room]`: adds the user as invited and sends the invitation, which the
    /// caller watches (``OutgoingIMMessage/invitation``). The inviter gets no confirmation.
    mutating func invite(_ command: IMCCommand, _ message: IncomingIMMessage) -> IMCOutcome {
        guard let userArgument = command.parameter(0), let invitee = userAddress(userArgument, message),
            let address = roomAddress(command.parameter(1), message), var room = self.room(address),
            let sender = room.memberIndex(of: message.fromURI.address).map({ room.members[$0] }),
            sender.role == .owner || sender.role == .admin,
            room.memberIndex(of: invitee) == nil
        else { return IMCOutcome(returnCode: .inviteFailed) }
        let member = IMMember(address: invitee, isInvited: true)
        room.insertInListOrder(member)
        updateRoom(room)
        let text = IMCText.invitation(
            from: IMCText.bracketed(message.fromURI.user), commandStart: configuration.commandStart
        )
        let invitation = OutgoingIMMessage(
            from: room.address.uri, to: member.address.uri, body: Array(text.utf8), inReplyTo: message.callID,
            invitation: IMCInvitation(room: room.address, invitee: member.address)
        )
        return IMCOutcome(
            returnCode: .success, outgoing: [invitation], changes: [.memberAdded(room: room.address, member: member)]
        )
    }

    /// `#add <user> [room]`: adds the user as a full member without consent; a member without
    /// rights is told so and the command still succeeds.
    mutating func add(_ command: IMCCommand, _ message: IncomingIMMessage) -> IMCOutcome {
        guard let userArgument = command.parameter(0), let user = userAddress(userArgument, message),
            let address = roomAddress(command.parameter(1), message), let room = self.room(address),
            let sender = room.memberIndex(of: message.fromURI.address).map({ room.members[$0] })
        else { return IMCOutcome(returnCode: .inviteFailed) }
        guard sender.role == .owner || sender.role == .admin else {
            let refusal = send(IMCText.addNotPermitted, from: room.address.uri, to: sender.address.uri, for: message)
            return IMCOutcome(returnCode: .success, outgoing: [refusal])
        }
        guard room.memberIndex(of: user) == nil else { return IMCOutcome(returnCode: .inviteFailed) }
        return addMember(IMMember(address: user), to: room, announcedAs: IMCText.bracketed(user.user), for: message)
    }

    /// `#remove <user> [room]`: the removed member is told first, then the remaining active
    /// members hear that they left. Owners cannot be removed.
    mutating func remove(_ command: IMCCommand, _ message: IncomingIMMessage) -> IMCOutcome {
        // Without an argument Kamailio builds `sip:@host`, which names nobody: the command fails.
        guard let user = userAddress(command.parameter(0) ?? "", message),
            let address = roomAddress(command.parameter(1), message), var room = self.room(address),
            let sender = room.memberIndex(of: message.fromURI.address).map({ room.members[$0] }),
            sender.role == .owner || sender.role == .admin,
            let index = room.memberIndex(of: user), room.members[index].role != .owner
        else { return IMCOutcome(returnCode: .removeFailed) }
        // The URI is taken before the member is deleted (Kamailio reads it after freeing, B3).
        let removed = room.members.remove(at: index)
        updateRoom(room)
        let notice = send(IMCText.youWereRemoved, from: room.address.uri, to: removed.address.uri, for: message)
        let announcement = broadcast(IMCText.left(IMCText.bracketed(removed.address.user)), in: room, for: message)
        return IMCOutcome(
            returnCode: .success, outgoing: [notice] + announcement,
            changes: [.memberRemoved(room: room.address, member: removed.address)]
        )
    }

    /// `#modify <user> <role> [room]` as Kamailio 5.7+ has it, with its two bugs fixed: the room
    /// is the third argument, not the fourth (B4), and a target who is not in the room fails the
    /// command instead of crashing the server (B5). The role replaces the member's flags, so an
    /// invited member becomes a full one; the broadcast names the full member URI and the role as
    /// typed (`*** sip:bob@example.com is now ADMIN`).
    mutating func modify(_ command: IMCCommand, _ message: IncomingIMMessage) -> IMCOutcome {
        guard command.parameters.count >= 2, let role = Self.role(named: command.parameters[1]),
            let address = roomAddress(command.parameter(2), message),
            let user = userAddress(command.parameters[0], message),
            var room = self.room(address),
            let sender = room.memberIndex(of: message.fromURI.address).map({ room.members[$0] })
        else { return IMCOutcome(returnCode: .modifyFailed) }
        guard sender.role == .owner || sender.role == .admin else {
            let refusal = send(IMCText.modifyNotPermitted, from: room.address.uri, to: sender.address.uri, for: message)
            return IMCOutcome(returnCode: .success, outgoing: [refusal])
        }
        guard let index = room.memberIndex(of: user) else { return IMCOutcome(returnCode: .modifyFailed) }
        room.members[index].role = role
        room.members[index].isInvited = false
        updateRoom(room)
        let member = room.members[index]
        return IMCOutcome(
            returnCode: .success,
            outgoing: broadcast(IMCText.modified(member.address.uri, role: command.parameters[1]), in: room, for: message),
            changes: [.memberUpdated(room: room.address, member: member)]
        )
    }

    /// `owner`, `admin` or `member`, ignoring ASCII case.
    private static func role(named name: String) -> IMMemberRole? {
        switch name.asciiLowercased {
        case "owner": .owner
        case "admin": .admin
        case "member": .member
        default: nil
        }
    }
}
