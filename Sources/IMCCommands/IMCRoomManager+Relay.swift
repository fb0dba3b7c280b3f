import ConferenceModel

/// Plain messages: a body that is not a command, relayed to the room (spec §5).
extension IMCRoomManager {
    /// Relays `message` to every active member of the Request-URI's room but the sender, as
    /// `[sender]: ` followed by the body bytes unchanged. Only active members may send.
    func relay(_ message: IncomingIMMessage) -> IMCOutcome {
        guard let room = self.room(message.requestURI.address),
            let index = room.memberIndex(of: message.fromURI.address), !room.members[index].isInvited
        else { return IMCOutcome(returnCode: .messageFailed) }
        let sender = room.members[index]
        let body = Array("\(IMCText.bracketed(sender.address.user)): ".utf8) + message.body
        guard body.count < configuration.bodyBufferSize else { return IMCOutcome(returnCode: .messageFailed) }
        return IMCOutcome(
            returnCode: .success, outgoing: broadcast(body, in: room, skipping: sender.address, for: message)
        )
    }
}
