import Foundation

/// A conference room: the one room every front door names (DESIGN.md) — a SEMS room name, a
/// connector conference number, an IM room URI through ``IMRoomNameMapping``.
///
/// It owns what a room is (name and number, profile, admin PIN, private flag, expiry, lock and
/// recording state), and who is in it in two views: the voice ``participants`` (SEMS
/// `ConferenceRoom`'s rows, spec §9) and the IM ``members``. Its changes come out in order as
/// ``RoomEvent``s. What the ``ConferenceStore`` keeps of it is ``StoredRoom``: the room itself and
/// its invitations, not the calls in it.
public struct Room: Sendable, Hashable {
    /// The room name, the conference id callers dial.
    public var name: String
    /// The room's number in the managed conferencing API; `nil` while it has none.
    public var number: Int?
    /// The room profile's name (its mix rate and codecs); `""` for the server's default.
    public var profile: String
    /// The admin PIN; `""` means the next caller of the control API claims the room (spec §4.0).
    public var adminPIN: String
    /// Joined by invitation only.
    public var isPrivate: Bool
    /// When `roomCreate`'s timeout runs out; used only with ``VoiceRoomPolicy/supportRoomsTimeout``.
    public var expiryTime: Date?
    /// Whether new callers are refused (the managed API's `lock`).
    public var isLocked: Bool
    /// Whether the room's mix is being recorded.
    public var recording: RoomRecordingState
    /// The last activity: creation, a participant added, muted or changing status, pruning.
    /// `roomInfo` polling does not count (spec §9.2).
    public var lastAccessTime: Date
    /// The voice view: participant rows, calls and invitations, in insertion order.
    public var participants: [VoiceParticipant]
    /// The IM view: members of the room's chat, in Kamailio's list order.
    public var members: [IMMember]
    /// Settings callers set on the room through an API, by name; kept by the store.
    public var settings: [String: String] = [:]

    /// Creates an empty room.
    public init(
        name: String, number: Int? = nil, profile: String = "", adminPIN: String, isPrivate: Bool = false,
        expiryTime: Date? = nil, isLocked: Bool = false, recording: RoomRecordingState = .off, createdAt: Date
    ) {
        self.name = name
        self.number = number
        self.profile = profile
        self.adminPIN = adminPIN
        self.isPrivate = isPrivate
        self.expiryTime = expiryTime
        self.isLocked = isLocked
        self.recording = recording
        self.lastAccessTime = createdAt
        self.participants = []
        self.members = []
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
            participants[invited].invitedNumber = participants[invited].number
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

    /// Takes back the row of a call that never reached the room: an invitation it filled becomes
    /// an invitation again, any other row goes. Returns whether a row changed.
    mutating func withdraw(callTag: String, at now: Date) -> Bool {
        guard let index = participantIndex(callTag: callTag) else { return false }
        if let invitedNumber = participants[index].invitedNumber {
            participants[index].callTag = ""
            participants[index].number = invitedNumber
            participants[index].status = .disconnected
            participants[index].reason = ""
            participants[index].invitedNumber = nil
            participants[index].lastStatusChange = now
        } else {
            participants.remove(at: index)
        }
        lastAccessTime = now
        return true
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
