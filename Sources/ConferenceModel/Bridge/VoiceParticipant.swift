import Foundation

/// One row of a voice room's participant list (SEMS `ConferenceRoomParticipant`, spec §4.2, §9.1):
/// a dialled-out or dialled-in call, or an invitation that has not joined yet.
public struct VoiceParticipant: Sendable, Hashable {
    /// Where a participant's call stands, with SEMS's numbers (spec §9.1).
    public enum Status: Int, Sendable, Hashable, CaseIterable {
        /// Invited with `addParticipant`, not joined yet.
        case disconnected = 0
        /// Dial-out started (reason `"INVITE"`) or a provisional reply other than 180/183.
        case connecting = 1
        /// Dial-out got 180 or 183.
        case ringing = 2
        /// Answered, or a dial-in caller entered the room.
        case connected = 3
        /// Hanging up: remote BYE (`"BYE"`), kicked (`"disconnect"`), or the dialog is ending.
        case disconnecting = 4
        /// The call is over; the row disappears after the participants' expiry delay.
        case finished = 5
    }

    /// The call's tag (SEMS: the session's local tag); `""` for an invitation not yet joined.
    public var callTag: String
    /// Who: `sip:<callee>@<domain>` for a dial-out, the caller's From for a dial-in.
    public var number: String
    /// The call's state.
    public var status: Status
    /// Why it is in that state: `"INVITE"`, `"180 Ringing"`, `"entered"`, `"BYE"`, `"disconnect"`, `""`.
    public var reason: String
    /// Whether the control API muted this participant.
    public var muted: Bool
    /// The participant id from `addParticipant`, `dialout` or the caller's header; may be `""`.
    public var participantID: String
    /// When ``status`` last changed; finished rows expire relative to it.
    public var lastStatusChange: Date
    /// The number the invitation this call filled was made for (`addParticipant`), so that a
    /// withdrawn admission gives the invitation back and a restart keeps it; `nil` when the row
    /// is an invitation itself or a call that filled none.
    public internal(set) var invitedNumber: String?

    /// Creates a row.
    public init(
        callTag: String,
        number: String,
        status: Status,
        reason: String,
        muted: Bool = false,
        participantID: String,
        lastStatusChange: Date
    ) {
        self.callTag = callTag
        self.number = number
        self.status = status
        self.reason = reason
        self.muted = muted
        self.participantID = participantID
        self.lastStatusChange = lastStatusChange
    }

    /// Whether the row is finished for longer than `delay` seconds (strictly), so that it is no
    /// longer shown (spec §9.2). Invitations never expire.
    public func isExpired(at now: Date, policy: VoiceRoomPolicy) -> Bool {
        policy.participantsExpire && status == .finished
            && now.timeIntervalSince(lastStatusChange) > Double(policy.participantsExpireDelay)
    }

    /// Whether the row stands for an invitation: one not joined yet, or one a call filled.
    public var isInvitation: Bool {
        callTag.isEmpty || invitedNumber != nil
    }

    /// Whether a live call may be behind this row, so that kicking it means hanging up.
    public var hasLiveCall: Bool {
        switch status {
        case .connecting, .ringing, .connected: !callTag.isEmpty
        case .disconnected, .disconnecting, .finished: false
        }
    }
}
