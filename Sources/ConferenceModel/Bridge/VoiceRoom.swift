import Foundation

/// A voice conference room of the bridge (SEMS `ConferenceRoom`, spec §9): its admin PIN, the
/// optional hard expiry from `roomCreate`, the last activity time that drives soft expiry, and its
/// participant rows in insertion order.
public struct VoiceRoom: Sendable, Hashable {
    /// The room name, the conference id callers dial.
    public var name: String
    /// The admin PIN; `""` means the next caller of the control API claims the room (spec §4.0).
    public var adminPIN: String
    /// When `roomCreate`'s timeout runs out; used only with ``VoiceRoomPolicy/supportRoomsTimeout``.
    public var expiryTime: Date?
    /// The last activity: creation, a participant added, muted or changing status, pruning.
    /// `roomInfo` polling does not count (spec §9.2).
    public var lastAccessTime: Date
    /// The participant rows, in insertion order.
    public var participants: [VoiceParticipant]

    /// Creates an empty room.
    public init(name: String, adminPIN: String, expiryTime: Date? = nil, createdAt: Date) {
        self.name = name
        self.adminPIN = adminPIN
        self.expiryTime = expiryTime
        self.lastAccessTime = createdAt
        self.participants = []
    }

    /// Soft expiry (spec §9.2): no rows at all and idle strictly longer than the rooms' delay.
    public func isSoftExpired(at now: Date, policy: VoiceRoomPolicy) -> Bool {
        policy.roomsExpire && participants.isEmpty
            && now.timeIntervalSince(lastAccessTime) > Double(policy.roomsExpireDelay)
    }

    /// Drops finished rows past their expiry (SEMS `cleanExpired`); pruning counts as activity.
    public mutating func pruneExpiredParticipants(at now: Date, policy: VoiceRoomPolicy) {
        // Rows are read where they lie (a row taken from the array is a copy, a retain for each of
        // its strings): a busy room holds hundreds of finished rows, and every status change of
        // any call in it comes here.
        guard firstRowIndex(where: { $0.isExpired(at: now, policy: policy) }) != nil else { return }
        participants.removeAll { $0.isExpired(at: now, policy: policy) }
        lastAccessTime = now
    }

    /// The rows with a live call behind them (connecting, ringing, connected), which
    /// ``VoiceRoomPolicy/maximumParticipants`` counts.
    public var liveParticipantCount: Int {
        participants.count(where: \.hasLiveCall)
    }

    /// The index of the first row with this call tag, in any status.
    public func participantIndex(callTag: String) -> Int? {
        firstRowIndex { $0.callTag == callTag }
    }

    /// The index of the first row meeting `condition`, which reads each row where it lies.
    private func firstRowIndex(where condition: (borrowing VoiceParticipant) -> Bool) -> Int? {
        participants.withUnsafeBufferPointer { rows in
            guard let first = rows.baseAddress else { return nil }
            return (0..<rows.count).first { condition(first[$0]) }
        }
    }

    /// Adds a call's row, or fills in the first invitation (empty call tag) with the same
    /// non-empty participant id, as SEMS's `newParticipant` does for an invited caller (spec §4.4).
    mutating func admit(_ participant: VoiceParticipant, at now: Date) {
        if !participant.participantID.isEmpty,
            let invited = participants.firstIndex(where: {
                $0.callTag.isEmpty && $0.participantID == participant.participantID
            })
        {
            participants[invited].callTag = participant.callTag
            participants[invited].number = participant.number
            participants[invited].status = participant.status
            participants[invited].reason = participant.reason
            participants[invited].lastStatusChange = now
        } else {
            participants.append(participant)
        }
        lastAccessTime = now
    }

    /// Records a call's new status on its row, if it has one; the change and any pruning count as
    /// activity. Returns whether a row changed.
    mutating func recordStatus(
        _ status: VoiceParticipant.Status, reason: String, callTag: String, at now: Date, policy: VoiceRoomPolicy
    ) -> Bool {
        let index = participantIndex(callTag: callTag)
        if let index {
            participants[index].status = status
            participants[index].reason = reason
            participants[index].lastStatusChange = now
        }
        lastAccessTime = now
        pruneExpiredParticipants(at: now, policy: policy)
        return index != nil
    }

    /// Whether some row, in any status, carries this participant id (SEMS `hasInvitedParticipant`).
    public func hasParticipant(participantID: String) -> Bool {
        participants.contains { $0.participantID == participantID }
    }
}
