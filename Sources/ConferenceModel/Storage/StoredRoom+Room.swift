import Foundation

extension StoredRoom {
    /// What a store keeps of `room`: the room itself and its invitations (an invitation a call
    /// filled is kept as the invitation it was), not the calls in it. An expiry beyond what the
    /// stores can keep (a `roomCreate` timeout of millennia) is kept as their latest time.
    public init(_ room: Room) {
        self.init(
            name: room.name, number: room.number, adminPIN: room.adminPIN, isPrivate: room.isPrivate,
            expiryTime: room.expiryTime.map { min($0, Self.latestStorableDate) }, profile: room.profile, isLocked: room.isLocked,
            recording: room.recording,
            invitations: room.participants.filter(\.isInvitation).map { row in
                StoredInvitation(participantID: row.participantID, number: row.invitedNumber ?? row.number)
            },
            settings: room.settings)
    }
}

extension StoredRoom {
    /// The latest expiry time the stores keep: the end of the year 9999 (UTC).
    static let latestStorableDate = date(milliseconds: storableMilliseconds.upperBound)
}

extension Room {
    /// A room as it comes back from a store at `now`: its invitations are waiting again, and the
    /// restart counts as activity (soft expiry starts over).
    public init(restoring stored: StoredRoom, at now: Date) {
        self.init(
            name: stored.name, number: stored.number, profile: stored.profile, adminPIN: stored.adminPIN,
            isPrivate: stored.isPrivate, expiryTime: stored.expiryTime, isLocked: stored.isLocked,
            recording: stored.recording, createdAt: now)
        participants = stored.invitations.map { invitation in
            VoiceParticipant(
                callTag: "", number: invitation.number, status: .disconnected, reason: "",
                participantID: invitation.participantID, lastStatusChange: now)
        }
        settings = stored.settings
    }
}
