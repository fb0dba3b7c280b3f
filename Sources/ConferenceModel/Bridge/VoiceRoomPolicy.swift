/// The rules of the voice-bridge room directory that SEMS's `webconference.conf` switches
/// (spec §5), with SEMS's defaults.
///
/// One value decides how every front door treats rooms: whether an unknown room name opens a room
/// (`private_rooms`), whether admin PINs are checked (`ignore_pin`), who may read PINs (the master
/// password) and when rooms and finished participants disappear.
public struct VoiceRoomPolicy: Sendable, Hashable {
    /// `private_rooms`: rooms must be opened with `roomCreate` or be predefined before anyone can
    /// use them. Off: any call on an unknown room name opens it (spec §4.0, B10).
    public var privateRooms: Bool
    /// `ignore_pin`: admin PINs are never checked. The master password still is.
    public var ignorePIN: Bool
    /// `master_password`: enables `getRoomPassword` and `listRooms`; `nil` refuses both.
    public var masterPassword: String?
    /// `support_rooms_timeout`: rooms are closed when the timeout given to `roomCreate` runs out.
    public var supportRoomsTimeout: Bool
    /// `participants_expire`: finished participants are dropped from the room view after
    /// ``participantsExpireDelay``.
    public var participantsExpire: Bool
    /// `participants_expire_delay`, in seconds (default 10): how long a finished participant stays
    /// visible. It is dropped when strictly more time has passed (spec §9.2).
    public var participantsExpireDelay: Int
    /// `rooms_expire`: an empty room is soft-expired after ``roomsExpireDelay``.
    public var roomsExpire: Bool
    /// `rooms_expire_delay`, in seconds (default 7200): idle time after which an empty room is gone.
    public var roomsExpireDelay: Int
    /// `room_sweep_interval` (default 10): soft-expired rooms are swept on every n-th `roomCreate`
    /// or `dialout`; `0` disables the sweep (they still vanish when touched).
    public var roomSweepInterval: Int
    /// `predefined_rooms`: rooms and their admin PINs opened when the directory is created.
    public var predefinedRooms: [PredefinedVoiceRoom]
    /// `max_participants` (a Parley addition; SEMS's `conference` application has the name, its
    /// `webconference` no limit): live calls a room holds at most, dial-ins and dial-outs
    /// together; `nil` for no limit.
    public var maximumParticipants: Int?

    /// Creates a policy; every argument defaults to SEMS's built-in default.
    public init(
        privateRooms: Bool = false,
        ignorePIN: Bool = false,
        masterPassword: String? = nil,
        supportRoomsTimeout: Bool = false,
        participantsExpire: Bool = true,
        participantsExpireDelay: Int = 10,
        roomsExpire: Bool = true,
        roomsExpireDelay: Int = 7200,
        roomSweepInterval: Int = 10,
        predefinedRooms: [PredefinedVoiceRoom] = [],
        maximumParticipants: Int? = nil
    ) {
        self.privateRooms = privateRooms
        self.ignorePIN = ignorePIN
        self.masterPassword = masterPassword
        self.supportRoomsTimeout = supportRoomsTimeout
        self.participantsExpire = participantsExpire
        self.participantsExpireDelay = participantsExpireDelay
        self.roomsExpire = roomsExpire
        self.roomsExpireDelay = roomsExpireDelay
        self.roomSweepInterval = roomSweepInterval
        self.predefinedRooms = predefinedRooms
        self.maximumParticipants = maximumParticipants
    }
}
