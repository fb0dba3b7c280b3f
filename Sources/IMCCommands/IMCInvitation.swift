import ConferenceModel

/// An invitation whose final reply the caller must report back with
/// ``IMCRoomManager/invitationFailed(room:invitee:status:)`` when it is 300 or above (spec §4
/// `#invite`, Kamailio's `imc_inv_callback`).
public struct IMCInvitation: Sendable, Hashable {
    /// The room the invitee was invited to.
    public var room: IMAddress
    /// The invitee.
    public var invitee: IMAddress

    /// Creates an invitation record.
    public init(room: IMAddress, invitee: IMAddress) {
        self.room = room
        self.invitee = invitee
    }
}
