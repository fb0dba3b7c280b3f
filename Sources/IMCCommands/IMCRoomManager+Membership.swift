import ConferenceModel

/// `#create`, `#join`, `#accept`, `#reject`, `#leave` and `#destroy`: what a user does to their
/// own membership (spec §4).
extension IMCRoomManager {
    /// `#create [room] [private]`.
    mutating func create(_ command: IMCCommand, _ message: IncomingIMMessage) -> IMCOutcome {
        var roomArgument: String?
        var privacyArgument: String?
        switch command.parameters.count {
        case 0:
            break
        case 1 where Self.isPrivateKeyword(command.parameters[0]):
            privacyArgument = command.parameters[0]
        case 1:
            roomArgument = command.parameters[0]
        default:
            roomArgument = command.parameters[0]
            privacyArgument = command.parameters[1]
        }
        guard let address = roomAddress(roomArgument, message) else { return IMCOutcome(returnCode: .createFailed) }
        if let privacyArgument, !Self.isPrivateKeyword(privacyArgument) {
            return IMCOutcome(returnCode: .createFailed)
        }
        guard let room = self.room(address) else {
            return createRoom(address, isPrivate: privacyArgument != nil, for: message)
        }
        if configuration.checksOnCreate {
            return IMCOutcome(returnCode: .success, outgoing: [replyToSender(IMCText.roomExists, for: message)])
        }
        if room.isPrivate {
            return IMCOutcome(returnCode: .success, outgoing: [replyToSender(IMCText.privateRoomExists, for: message)])
        }
        if room.memberIndex(of: message.fromURI.address) != nil {
            return IMCOutcome(
                returnCode: .success, outgoing: [replyToSender(IMCText.roomExistsAndYouAreMember, for: message)]
            )
        }
        let member = IMMember(address: message.fromURI.address)
        return addMember(member, to: room, announcedAs: IMCText.bracketed(member.address.user), for: message)
    }

    /// `#join [room]`.
    mutating func join(_ command: IMCCommand, _ message: IncomingIMMessage) -> IMCOutcome {
        guard let address = roomAddress(command.parameter(0), message) else {
            return IMCOutcome(returnCode: .joinFailed)
        }
        guard var room = self.room(address) else {
            guard configuration.createsRoomOnJoin else {
                return IMCOutcome(returnCode: .success, outgoing: [replyToSender(IMCText.roomNotFound, for: message)])
            }
            return createRoom(address, isPrivate: false, for: message)
        }
        if let index = room.memberIndex(of: message.fromURI.address) {
            // Joining while invited accepts silently (spec §4 #join); unlike Kamailio 5.7+ the
            // cleared flag is written through (B9).
            var changes: [IMRoomChange] = []
            if room.members[index].isInvited {
                room.members[index].isInvited = false
                updateRoom(room)
                changes.append(.memberUpdated(room: room.address, member: room.members[index]))
            }
            let reply = send(IMCText.alreadyInRoom, from: room.address.uri, to: room.members[index].address.uri, for: message)
            return IMCOutcome(returnCode: .success, outgoing: [reply], changes: changes)
        }
        // Kamailio names the joiner from the From URI as sent, not from the stored member.
        let joiner = IMCText.bracketed(message.fromURI.user)
        guard room.isPrivate else {
            return addMember(IMMember(address: message.fromURI.address), to: room, announcedAs: joiner, for: message)
        }
        let refusal = send(IMCText.privateRoomRefused, from: room.address.uri, to: message.fromURI.text, for: message)
        return IMCOutcome(
            returnCode: .success, outgoing: [refusal] + broadcast(IMCText.attemptedToJoin(joiner), in: room, for: message)
        )
    }

    /// `#accept [room]`.
    mutating func accept(_ command: IMCCommand, _ message: IncomingIMMessage) -> IMCOutcome {
        guard let address = roomAddress(command.parameter(0), message), var room = self.room(address),
            let index = room.memberIndex(of: message.fromURI.address), room.members[index].isInvited
        else { return IMCOutcome(returnCode: .acceptFailed) }
        room.members[index].isInvited = false
        updateRoom(room)
        let member = room.members[index]
        return IMCOutcome(
            returnCode: .success,
            outgoing: broadcast(IMCText.joined(IMCText.bracketed(member.address.user)), in: room, for: message),
            changes: [.memberUpdated(room: room.address, member: member)]
        )
    }

    /// `#reject [room]` / `#deny`: removes the invitation and tells nobody.
    mutating func reject(_ command: IMCCommand, _ message: IncomingIMMessage) -> IMCOutcome {
        guard let address = roomAddress(command.parameter(0), message), var room = self.room(address),
            let index = room.memberIndex(of: message.fromURI.address), room.members[index].isInvited
        else { return IMCOutcome(returnCode: .rejectFailed) }
        let member = room.members.remove(at: index)
        updateRoom(room)
        return IMCOutcome(returnCode: .success, changes: [.memberRemoved(room: room.address, member: member.address)])
    }

    /// `#leave [room]` / `#exit`: the owner is refused with a message; anyone else is announced
    /// first (hearing it too when active) and then removed.
    mutating func leave(_ command: IMCCommand, _ message: IncomingIMMessage) -> IMCOutcome {
        guard let address = roomAddress(command.parameter(0), message), var room = self.room(address),
            let index = room.memberIndex(of: message.fromURI.address)
        else { return IMCOutcome(returnCode: .leaveFailed) }
        let member = room.members[index]
        if member.role == .owner {
            let refusal = send(IMCText.ownerCannotLeave, from: room.address.uri, to: member.address.uri, for: message)
            return IMCOutcome(returnCode: .success, outgoing: [refusal])
        }
        let announcement = broadcast(IMCText.left(IMCText.bracketed(member.address.user)), in: room, for: message)
        room.members.remove(at: index)
        updateRoom(room)
        return IMCOutcome(
            returnCode: .success, outgoing: announcement,
            changes: [.memberRemoved(room: room.address, member: member.address)]
        )
    }

    /// `#destroy [room]`: owners only; active members are told, then the room is gone.
    mutating func destroy(_ command: IMCCommand, _ message: IncomingIMMessage) -> IMCOutcome {
        guard let address = roomAddress(command.parameter(0), message), let room = self.room(address),
            let index = room.memberIndex(of: message.fromURI.address), room.members[index].role == .owner
        else { return IMCOutcome(returnCode: .destroyFailed) }
        let announcement = broadcast(IMCText.roomDestroyed, in: room, for: message)
        removeRoom(room.address)
        return IMCOutcome(returnCode: .success, outgoing: announcement, changes: [.roomDestroyed(room.address)])
    }

    /// Creates a room with the sender as owner and tells the owner (`#create`, `#join`).
    private mutating func createRoom(_ address: IMAddress, isPrivate: Bool, for message: IncomingIMMessage) -> IMCOutcome {
        let owner = IMMember(address: message.fromURI.address, role: .owner)
        let room = IMRoom(address: address, isPrivate: isPrivate, members: [owner])
        insertRoom(room)
        return IMCOutcome(
            returnCode: .success,
            outgoing: [send(IMCText.roomCreated, from: room.address.uri, to: owner.address.uri, for: message)],
            changes: [.roomCreated(room.address, isPrivate: isPrivate), .memberAdded(room: room.address, member: owner)]
        )
    }

    /// `private`, ignoring ASCII case (`strncasecmp` with equal lengths).
    private static func isPrivateKeyword(_ argument: String) -> Bool {
        argument.asciiLowercased == "private"
    }
}
