import Foundation

/// The bridge's room table and its rules: SEMS webconference's `rooms` map and the functions that
/// read and change it (spec §4, §9), without I/O and with time passed in.
///
/// Each control method maps to one mutating call whose answer says what the caller must report
/// and which calls it must act on (hang up, mute). The call signalling reports back through
/// ``updateStatus(room:callTag:status:reason:at:)`` and ``admitCaller(room:callTag:number:participantID:reason:requireInvitation:at:)``.
///
/// Behaviour that SEMS gets wrong and Parley fixes: `roomDelete` answers instead of deadlocking
/// (B1); the hard timeout closes a room that is also soft-expired (B2); a dial-out always gets a
/// row, created before the INVITE leaves (B3, B22); `roomCreate` on a room without PIN applies
/// the timeout (B12).
///
/// Every change also comes out as a ``VoiceRoomEvent``, collected until ``takeEvents()``, and every
/// change to what a store keeps of a room as a ``ConferenceStoreChange``, until ``takeStoreChanges()``.
public struct VoiceRoomDirectory: Sendable {
    /// The rules in force.
    public let policy: VoiceRoomPolicy
    /// The rooms by name.
    public private(set) var rooms: [String: Room]
    /// Call counters shown in serverInfo.
    public var statistics: CallStatistics
    /// Counts `roomCreate` and `dialout` calls for the periodic sweep.
    private var sweepCounter = 0
    /// The changes made since the last ``takeEvents()``, oldest first.
    private var pendingEvents: [VoiceRoomEvent] = []
    /// The rooms whose stored part (``StoredRoom``) changed since the last ``takeStoreChanges()``,
    /// in the order they first changed.
    private var changedRooms: [String] = []
    /// The rooms the store has (restored, or saved by a change handed over), so that a room opened
    /// and closed between two hand-overs is never deleted from a store that never had it.
    private var storedRooms: Set<String> = []

    /// The failure string shared by every PIN-gated method (spec §4.0).
    public static let roomRefusedText = "wrong adminpin or inexisting room"

    /// Creates the directory with the rooms a store kept (`restoring`) and opens the predefined
    /// rooms. A predefined room keeps the admin PIN its configuration gives it, over a stored one:
    /// the configuration is where an operator changes it.
    public init(
        policy: VoiceRoomPolicy, statistics: CallStatistics = CallStatistics(), restoring stored: [StoredRoom] = [],
        at now: Date
    ) {
        self.policy = policy
        self.statistics = statistics
        rooms = [:]
        for room in stored {
            rooms[room.name] = Room(restoring: room, at: now)
            storedRooms.insert(room.name)
            pendingEvents.append(.roomOpened(room: room.name))
        }
        for room in policy.predefinedRooms {
            if rooms[room.name] != nil {
                guard rooms[room.name]?.adminPIN != room.adminPIN else { continue }
                rooms[room.name]?.adminPIN = room.adminPIN
                markChanged(room.name)
            } else {
                open(Room(name: room.name, adminPIN: room.adminPIN, createdAt: now))
            }
        }
    }

    /// Hands over what the store must write for the changes made so far, in order, and forgets
    /// it: each changed room as it is now, or its deletion.
    public mutating func takeStoreChanges() -> [ConferenceStoreChange] {
        defer { changedRooms.removeAll() }
        return changedRooms.compactMap { name in
            if let room = rooms[name] {
                storedRooms.insert(name)
                return .roomSaved(StoredRoom(room))
            }
            return storedRooms.remove(name).map { .roomDeleted(name: $0) }
        }
    }

    private mutating func markChanged(_ name: String) {
        if !changedRooms.contains(name) { changedRooms.append(name) }
    }

    /// Hands over the events of the changes made so far and forgets them.
    public mutating func takeEvents() -> [VoiceRoomEvent] {
        defer { pendingEvents.removeAll() }
        return pendingEvents
    }

    private mutating func open(_ room: Room) {
        rooms[room.name] = room
        pendingEvents.append(.roomOpened(room: room.name))
        markChanged(room.name)
    }

    private mutating func close(_ name: String) {
        guard rooms.removeValue(forKey: name) != nil else { return }
        pendingEvents.append(.roomClosed(room: name))
        markChanged(name)
    }

    /// Records a call's row after ``Room/admit(_:at:)`` added or filled it.
    private mutating func announceJoin(room name: String, callTag: String) {
        guard let room = rooms[name], let index = room.participantIndex(callTag: callTag) else { return }
        pendingEvents.append(.participantJoined(room: name, participant: room.participants[index]))
    }

    // MARK: - The gate

    /// SEMS's `getRoom(room, adminpin)` (spec §4.0): opens an unknown room unless rooms are
    /// private, lets the caller claim a room without PIN, refuses a wrong PIN, and erases a
    /// soft-expired room (refusing the call). Returns whether the room may be used.
    public mutating func admit(room name: String, adminPIN: String, at now: Date) -> Bool {
        guard var room = rooms[name] else {
            guard !policy.privateRooms else { return false }
            open(Room(name: name, adminPIN: adminPIN, createdAt: now))
            return true
        }
        guard acceptsPIN(adminPIN, of: room) else { return false }
        guard !room.isSoftExpired(at: now, policy: policy) else {
            close(name)
            return false
        }
        if room.adminPIN.isEmpty, !adminPIN.isEmpty {
            room.adminPIN = adminPIN
            markChanged(name)
        }
        rooms[name] = room
        return true
    }

    private func acceptsPIN(_ adminPIN: String, of room: Room) -> Bool {
        policy.ignorePIN || room.adminPIN.isEmpty || room.adminPIN == adminPIN
    }

    // MARK: - Control methods

    /// `roomCreate(room [, timeout])` (spec §4.1). `newPIN` is the random PIN to hand out if the
    /// room opens; `timeout` seconds, when positive, set the hard expiry. A soft-expired room
    /// counts as closed, so it is opened again rather than reported as already open.
    public mutating func createRoom(
        _ name: String, timeout: Int?, newPIN: String, at now: Date
    ) -> VoiceRoomCreation {
        sweepIfDue(at: now)
        let expiry = timeout.flatMap { $0 > 0 ? now.addingTimeInterval(Double($0)) : nil }
        if var room = rooms[name], !room.isSoftExpired(at: now, policy: policy) {
            guard room.adminPIN.isEmpty else { return .alreadyOpened }
            room.adminPIN = newPIN
            if let expiry { room.expiryTime = expiry }
            rooms[name] = room
            markChanged(name)
            return .created(adminPIN: newPIN)
        }
        if rooms[name] != nil { close(name) }
        open(Room(name: name, adminPIN: newPIN, expiryTime: expiry, createdAt: now))
        return .created(adminPIN: newPIN)
    }

    /// `roomInfo(room, adminpin)` (spec §4.2): the rows after dropping expired ones, or `nil` when
    /// the gate refuses.
    public mutating func participants(ofRoom name: String, adminPIN: String, at now: Date) -> [VoiceParticipant]? {
        guard admit(room: name, adminPIN: adminPIN, at: now) else { return nil }
        rooms[name]?.pruneExpiredParticipants(at: now, policy: policy)
        return rooms[name]?.participants
    }

    /// `roomDelete(room, adminpin)` (spec §4.3, B1): erases the room and names the calls to hang up.
    public mutating func deleteRoom(_ name: String, adminPIN: String) -> VoiceRoomDeletion {
        guard let room = rooms[name] else { return .noSuchRoom }
        guard acceptsPIN(adminPIN, of: room) else { return .wrongAdminPIN }
        close(name)
        return .deleted(callTags: room.participants.filter(\.hasLiveCall).map(\.callTag))
    }

    /// `addParticipant(room, participant_id, number)` (spec §4.4): adds an invitation. Opens an
    /// unknown room with an empty PIN unless rooms are private, where it fails.
    public mutating func invite(room name: String, participantID: String, number: String, at now: Date) -> Bool {
        if rooms[name] == nil {
            guard !policy.privateRooms else { return false }
            open(Room(name: name, adminPIN: "", createdAt: now))
        }
        rooms[name]?.participants.append(
            VoiceParticipant(
                callTag: "", number: number, status: .disconnected, reason: "",
                participantID: participantID, lastStatusChange: now))
        rooms[name]?.lastAccessTime = now
        markChanged(name)
        return true
    }

    /// The first half of `dialout` (spec §4.5): passes the gate and records the call as
    /// Connecting/`"INVITE"` **before** the INVITE is sent (B22). The row fills the participant's
    /// invitation if there is one and is added otherwise, so every dial-out is listed (B3). A full room refuses it (``VoiceRoomPolicy/maximumParticipants``).
    public mutating func beginDialOut(
        room name: String, adminPIN: String, callTag: String, number: String, participantID: String, at now: Date
    ) -> RoomAdmission {
        sweepIfDue(at: now)
        guard admit(room: name, adminPIN: adminPIN, at: now) else { return .refused }
        guard !isFull(room: name) else { return .roomFull }
        rooms[name]?.admit(
            VoiceParticipant(
                callTag: callTag, number: number, status: .connecting, reason: "INVITE",
                participantID: participantID, lastStatusChange: now),
            at: now)
        announceJoin(room: name, callTag: callTag)
        return .admitted
    }

    /// Whether `room` holds ``VoiceRoomPolicy/maximumParticipants`` live calls already.
    public func isFull(room name: String) -> Bool {
        guard let maximum = policy.maximumParticipants else { return false }
        return (rooms[name]?.liveParticipantCount ?? 0) >= maximum
    }

    /// Takes back a dial-out whose INVITE could not be started (`"internal error"`): the call never
    /// existed, so its row goes and it counts as a failed call.
    public mutating func abandonDialOut(room name: String, callTag: String) {
        guard let index = rooms[name]?.participantIndex(callTag: callTag) else { return }
        rooms[name]?.participants.remove(at: index)
        pendingEvents.append(.participantRemoved(room: name, callTag: callTag))
        statistics.recordCall(connectedSeconds: nil)
    }

    /// `kickout`, `mute`, `unmute` (spec §4.6). Mute state is stored before the call control acts,
    /// so roomInfo shows it even if the call is gone; a kicked live call shows
    /// Disconnecting/`"disconnect"` as SEMS's `onKicked` sets it.
    public mutating func apply(
        _ command: ParticipantCommand, room name: String, adminPIN: String, callTag: String, at now: Date
    ) -> ParticipantCommandOutcome {
        guard admit(room: name, adminPIN: adminPIN, at: now), var room = rooms[name] else { return .roomRefused }
        room.pruneExpiredParticipants(at: now, policy: policy)
        defer { rooms[name] = room }
        guard let index = room.participantIndex(callTag: callTag) else { return .noSuchCall }
        switch command {
        case .mute, .unmute:
            room.participants[index].muted = command == .mute
            room.lastAccessTime = now
            pendingEvents.append(
                command == .mute ? .participantMuted(room: name, callTag: callTag) : .participantUnmuted(room: name, callTag: callTag))
        case .kick:
            if room.participants[index].hasLiveCall {
                room.participants[index].status = .disconnecting
                room.participants[index].reason = "disconnect"
                room.participants[index].lastStatusChange = now
                room.lastAccessTime = now
                pendingEvents.append(.participantKicked(room: name, callTag: callTag))
                pendingEvents.append(
                    .participantStatusChanged(room: name, callTag: callTag, status: .disconnecting, reason: "disconnect"))
            }
        }
        return .accepted
    }

    /// `changeRoomAdminpin(room, adminpin, new_adminpin)` (spec §4.7); `""` makes it claimable.
    public mutating func changeAdminPIN(room name: String, adminPIN: String, to newPIN: String, at now: Date) -> Bool {
        guard admit(room: name, adminPIN: adminPIN, at: now) else { return false }
        rooms[name]?.adminPIN = newPIN
        markChanged(name)
        return true
    }

    /// `getRoomPassword(master_pwd, room)` (spec §4.8): creates nothing, ignores expiry.
    public func roomPassword(masterPassword: String, room name: String) -> RoomPasswordLookup {
        guard let configured = policy.masterPassword, configured == masterPassword else { return .wrongMasterPassword }
        guard let room = rooms[name] else { return .noSuchRoom }
        return .adminPIN(room.adminPIN)
    }

    /// `listRooms(master_pwd)` (spec §4.9): rooms not soft-expired, in byte order; `nil` for a
    /// wrong or unset master password.
    public func roomNames(masterPassword: String, at now: Date) -> [String]? {
        guard let configured = policy.masterPassword, configured == masterPassword else { return nil }
        return Self.byteOrdered(rooms.values.filter { !$0.isSoftExpired(at: now, policy: policy) }.map(\.name))
    }

    /// `findParticipant(participant_id)` (spec §4.10): rooms with a visible row carrying that id,
    /// in byte order.
    public func rooms(withParticipantID participantID: String, at now: Date) -> [String] {
        let matching = rooms.values.filter { room in
            room.participants.contains { $0.participantID == participantID && !$0.isExpired(at: now, policy: policy) }
        }
        return Self.byteOrdered(matching.map(\.name))
    }

    // MARK: - Reports from the calls

    /// A dial-in caller enters a room (SEMS `newParticipant`, spec §7): fills the caller's
    /// invitation or adds a row, Connected with `reason` (`"entered"` or
    /// `"direct access: entered"`). In private mode the room must exist, and with
    /// `requireInvitation` (`room_pin_split`) some row must carry the participant id. A full room
    /// refuses the caller (``VoiceRoomPolicy/maximumParticipants``).
    public mutating func admitCaller(
        room name: String, callTag: String, number: String, participantID: String,
        reason: String = "entered", requireInvitation: Bool = false, at now: Date
    ) -> RoomAdmission {
        guard !isFull(room: name) else { return .roomFull }
        if rooms[name] == nil {
            guard !policy.privateRooms else { return .refused }
            open(Room(name: name, adminPIN: "", createdAt: now))
        }
        if policy.privateRooms && requireInvitation && rooms[name]?.hasParticipant(participantID: participantID) != true {
            return .refused
        }
        rooms[name]?.admit(
            VoiceParticipant(
                callTag: callTag, number: number, status: .connected, reason: reason,
                participantID: participantID, lastStatusChange: now),
            at: now)
        announceJoin(room: name, callTag: callTag)
        return .admitted
    }

    /// Takes back an admission whose call never reached the room (its media could not move, or it
    /// ended while the admission was answered): the row goes, or the invitation it filled is an
    /// invitation again, so nothing is left that nobody is on. The call counts as any other ended
    /// call when it finishes; this changes no statistics.
    public mutating func withdrawCaller(room name: String, callTag: String, at now: Date) {
        guard rooms[name]?.withdraw(callTag: callTag, at: now) == true else { return }
        pendingEvents.append(.participantRemoved(room: name, callTag: callTag))
    }

    /// A call's state changed (SEMS `updateStatus`, spec §8.3, §9.2). A room that is missing is
    /// opened again with an empty PIN unless rooms are private (B10, kept for compatibility).
    public mutating func updateStatus(
        room name: String, callTag: String, status: VoiceParticipant.Status, reason: String, at now: Date
    ) {
        if rooms[name] == nil {
            guard !policy.privateRooms else { return }
            open(Room(name: name, adminPIN: "", createdAt: now))
        }
        // Changed in place: a copy taken out and put back would copy every row of a large room.
        if rooms[name]?.recordStatus(status, reason: reason, callTag: callTag, at: now, policy: policy) == true {
            pendingEvents.append(.participantStatusChanged(room: name, callTag: callTag, status: status, reason: reason))
        }
    }

    // MARK: - Expiry

    /// The hard timeout (SEMS's cleaner thread, spec §9.3), run about once a second: closes every
    /// room past its `roomCreate` timeout, soft-expired or not (B2), if the policy supports it.
    public mutating func closeTimedOutRooms(at now: Date) -> [ClosedVoiceRoom] {
        guard policy.supportRoomsTimeout else { return [] }
        let due = rooms.values.filter { room in room.expiryTime.map { now > $0 } ?? false }
            .sorted { Self.precedes($0.name, $1.name) }
        for room in due { close(room.name) }
        return due.map {
            ClosedVoiceRoom(name: $0.name, callTags: $0.participants.filter(\.hasLiveCall).map(\.callTag))
        }
    }

    /// Erases every soft-expired room (SEMS `sweepRooms`).
    public mutating func sweepSoftExpiredRooms(at now: Date) {
        let expired = rooms.values.filter { $0.isSoftExpired(at: now, policy: policy) }.map(\.name)
        for name in Self.byteOrdered(expired) { close(name) }
    }

    private mutating func sweepIfDue(at now: Date) {
        guard policy.roomSweepInterval > 0 else { return }
        sweepCounter += 1
        if sweepCounter % policy.roomSweepInterval == 0 {
            sweepSoftExpiredRooms(at: now)
        }
    }

    // MARK: - Ordering

    /// `std::map<string, …>` order: byte-wise, unlike Swift's `String` comparison.
    private static func precedes(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    private static func byteOrdered(_ names: [String]) -> [String] {
        names.sorted(by: precedes)
    }
}
