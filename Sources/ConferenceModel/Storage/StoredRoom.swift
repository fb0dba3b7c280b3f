import Foundation

/// A voice room as a ``ConferenceStore`` keeps it: what of a room must outlive a restart of the
/// bridge (its calls do not).
public struct StoredRoom: Sendable, Hashable {
    /// The room name, the conference id callers dial; no two stored rooms have the same name
    /// (compared byte for byte).
    public var name: String
    /// The room's conference number, if it has one.
    public var number: Int?
    /// The admin PIN; `""` means the next caller of the control API claims the room (spec §4.0).
    public var adminPIN: String
    /// Whether the room is private.
    public var isPrivate: Bool
    /// When `roomCreate`'s timeout runs out (the hard expiry); `nil` for none.
    ///
    /// Kept to the millisecond: the stores round to the nearest one, so a loaded room has the
    /// saved time rounded that way. Times from the year 0000 to 9999 (UTC) can be stored; a
    /// save with another is refused (``ConferenceStoreError/Code/expiryTimeOutOfRange``).
    public var expiryTime: Date?
    /// The name of the room's profile; `""` for the default profile.
    public var profile: String
    /// Whether the room is locked.
    public var isLocked: Bool
    /// Whether the room is being recorded.
    public var recording: RoomRecordingState
    /// The participants the room has invited, in the order they were added.
    public var invitations: [StoredInvitation]
    /// Settings callers set on the room through an API, by name.
    public var settings: [String: String]

    /// Creates a room; what is not given has its "nothing set" value.
    public init(
        name: String,
        number: Int? = nil,
        adminPIN: String,
        isPrivate: Bool = false,
        expiryTime: Date? = nil,
        profile: String = "",
        isLocked: Bool = false,
        recording: RoomRecordingState = .off,
        invitations: [StoredInvitation] = [],
        settings: [String: String] = [:]
    ) {
        self.name = name
        self.number = number
        self.adminPIN = adminPIN
        self.isPrivate = isPrivate
        self.expiryTime = expiryTime
        self.profile = profile
        self.isLocked = isLocked
        self.recording = recording
        self.invitations = invitations
        self.settings = settings
    }
}

extension StoredRoom {
    /// The expiry times both stores can keep, in milliseconds since 1970 UTC: SQLite's date
    /// functions know the years 0000 to 9999 only, and PostgreSQL's `timestamptz` covers them.
    static let storableMilliseconds: ClosedRange<Int64> = -62_167_219_200_000...253_402_300_799_999

    /// `date` in whole milliseconds since 1970 UTC, rounded to the nearest; `nil` if a store
    /// cannot keep it (see ``storableMilliseconds``).
    ///
    /// Both stores write and read this integer, with the calendar arithmetic done by the
    /// database: a `Date` is a `Double` of seconds, and going through text or microseconds in
    /// Swift would round twice.
    static func milliseconds(of date: Date) -> Int64? {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        guard Double(storableMilliseconds.lowerBound) <= milliseconds,
              milliseconds <= Double(storableMilliseconds.upperBound) else { return nil }
        return Int64(milliseconds)
    }

    /// The date `milliseconds` after 1970-01-01 00:00:00 UTC.
    static func date(milliseconds: Int64) -> Date {
        Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    }

    /// ``expiryTime`` as both stores write it, in ``milliseconds(of:)``; `nil` for none.
    ///
    /// - Throws: ``ConferenceStoreError`` (``ConferenceStoreError/Code/expiryTimeOutOfRange``) if
    ///   the stores cannot keep it.
    var expiryMilliseconds: Int64? {
        get throws {
            guard let expiryTime else { return nil }
            guard let milliseconds = Self.milliseconds(of: expiryTime) else {
                throw ConferenceStoreError(.expiryTimeOutOfRange, room: name)
            }
            return milliseconds
        }
    }

    /// A `parley_rooms` row as both stores read it: the room without its invitations and
    /// settings, its expiry counted as ``milliseconds(of:)`` counts.
    ///
    /// - Throws: ``ConferenceStoreError`` (``ConferenceStoreError/Code/unreadableRoom``) if
    ///   `recording` is not a state the stores write.
    static func loaded(
        name: String,
        number: Int?,
        adminPIN: String,
        isPrivate: Bool,
        expiryMilliseconds: Int64?,
        profile: String,
        isLocked: Bool,
        recording: String
    ) throws -> StoredRoom {
        guard let recording = RoomRecordingState(rawValue: recording) else {
            throw ConferenceStoreError(.unreadableRoom, room: name)
        }
        return StoredRoom(
            name: name, number: number, adminPIN: adminPIN, isPrivate: isPrivate,
            expiryTime: expiryMilliseconds.map(date(milliseconds:)),
            profile: profile, isLocked: isLocked, recording: recording
        )
    }

    /// `rooms`, in their order, each given the invitations (in their order) and settings whose
    /// `room` is its name: the rows of `parley_room_invitations` and `parley_room_settings` as
    /// both stores read them.
    ///
    /// Rows are matched to rooms byte for byte, as the databases match them, not by Swift's
    /// `String` equality (which takes `é` and `e` + U+0301 for one name).
    static func rooms(
        _ rooms: [StoredRoom],
        invitations: [(room: String, invitation: StoredInvitation)],
        settings: [(room: String, key: String, value: String)]
    ) -> [StoredRoom] {
        var invitationsByRoom: [[UInt8]: [StoredInvitation]] = [:]
        for row in invitations {
            invitationsByRoom[Array(row.room.utf8), default: []].append(row.invitation)
        }
        var settingsByRoom: [[UInt8]: [String: String]] = [:]
        for row in settings {
            settingsByRoom[Array(row.room.utf8), default: [:]][row.key] = row.value
        }
        return rooms.map { room in
            var room = room
            room.invitations = invitationsByRoom[Array(room.name.utf8)] ?? []
            room.settings = settingsByRoom[Array(room.name.utf8)] ?? [:]
            return room
        }
    }
}
