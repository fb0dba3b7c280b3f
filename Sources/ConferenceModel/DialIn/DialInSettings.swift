/// The settings of the dial-in room-number dialogue (``DialInCall``).
///
/// ## Additions beyond SEMS
/// SEMS lets a caller sit in PIN entry forever (spec §7.1, B13). Parley adds two limits, both
/// ending the call politely with `wrong_pin_bye` and a BYE, and both can be turned off to get
/// SEMS's behaviour exactly:
/// - ``interDigitTimeout`` (`pin_inter_digit_timeout` seconds, default 10, `0` = off): when the
///   caller presses no key for this long after the prompt ends or after their last key, the entry
///   counts as wrong: `wrong_pin` plays and entry starts over.
/// - ``maximumWrongEntries`` (`pin_max_wrong_entries`, default 3, `0` = off): the wrong entry that
///   reaches this count (empty, too short for `room_pin_split`, an unknown private room, or a
///   timeout) plays `wrong_pin_bye` instead of `wrong_pin`, and the bridge hangs up.
public struct DialInSettings: Sendable, Hashable {
    /// The default ``interDigitTimeout``.
    public static let defaultInterDigitTimeout: Duration = .seconds(10)
    /// The default ``maximumWrongEntries``.
    public static let defaultMaximumWrongEntries = 3

    /// `room_pin_split`: split an entry into room and participant PIN.
    public var roomPINSplit: RoomPINSplit?
    /// `private_rooms=yes`: an entry must name an existing room (and, with a split, an invited
    /// participant) before it is read back; otherwise every entry is accepted, as in SEMS.
    public var privateRooms: Bool
    /// Longest pause between keys during entry; `nil` waits forever, as SEMS does.
    public var interDigitTimeout: Duration?
    /// Wrong entries after which the bridge gives up; `nil` allows any number, as SEMS does.
    public var maximumWrongEntries: Int?

    /// Creates the settings.
    public init(
        roomPINSplit: RoomPINSplit? = nil,
        privateRooms: Bool = false,
        interDigitTimeout: Duration? = DialInSettings.defaultInterDigitTimeout,
        maximumWrongEntries: Int? = DialInSettings.defaultMaximumWrongEntries
    ) {
        self.roomPINSplit = roomPINSplit
        self.privateRooms = privateRooms
        self.interDigitTimeout = interDigitTimeout.flatMap { $0 > .zero ? $0 : nil }
        self.maximumWrongEntries = maximumWrongEntries.flatMap { $0 > 0 ? $0 : nil }
    }

    /// Reads `room_pin_split` and `private_rooms` as SEMS does, and Parley's
    /// `pin_inter_digit_timeout` / `pin_max_wrong_entries` (whole numbers; `0` turns them off; an
    /// unreadable value keeps the default, as SEMS's `getParameterInt` does).
    /// - Throws: ``DialInConfigurationError`` when `room_pin_split` is not a whole number.
    public init(configuration: SEMSConfigFile) throws {
        var split: RoomPINSplit?
        if let text = configuration["room_pin_split"], !text.isEmpty {
            split = RoomPINSplit(roomLength: try RoomSelectionSettings.wholeNumber(text, key: "room_pin_split"))
        }
        let timeoutSeconds = configuration["pin_inter_digit_timeout"].flatMap { Int($0) }
        let wrongEntries = configuration["pin_max_wrong_entries"].flatMap { Int($0) }
        self.init(
            roomPINSplit: split,
            privateRooms: configuration["private_rooms"] == "yes",
            interDigitTimeout: timeoutSeconds.map { Duration.seconds($0) } ?? Self.defaultInterDigitTimeout,
            maximumWrongEntries: wrongEntries ?? Self.defaultMaximumWrongEntries
        )
    }
}
