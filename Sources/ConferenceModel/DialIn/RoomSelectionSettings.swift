/// The `webconference.conf` settings that decide which room an incoming INVITE goes to, and the
/// rule itself (spec §5, §6; SEMS `WebConferenceFactory::onInvite`, `WebConferenceDialog::onInvite`).
public struct RoomSelectionSettings: Sendable {
    /// The `participant_id_header` default.
    public static let defaultParticipantIDHeader = "X-ParticipantID"

    /// `direct_room_re`, compiled; `nil` turns direct room access by request URI off.
    public let directRoomPattern: DirectRoomPattern?
    /// `direct_room_strip`: leading characters removed from a matching request-URI user.
    public let directRoomStrip: Int
    /// `room_pin_split`, or `nil` when unset.
    public let roomPINSplit: RoomPINSplit?
    /// `participant_id_param`: when set, the participant id comes from this `P-App-Param`
    /// parameter and ``participantIDHeader`` is ignored.
    public let participantIDParameter: String?
    /// `participant_id_header`: the header carrying the participant id (default `X-ParticipantID`).
    /// The driver reads this header from the INVITE and passes its value to ``select(requestUser:appParameters:participantIDHeaderValue:)``.
    public let participantIDHeader: String

    /// Creates the settings, compiling `directRoomRegex` once.
    /// - Parameters:
    ///   - directRoomRegex: `direct_room_re`; `nil` or `""` turns the feature off, as in SEMS.
    ///   - directRoomStrip: `direct_room_strip`.
    ///   - roomPINSplit: `room_pin_split`.
    ///   - participantIDParameter: `participant_id_param`; `""` counts as unset.
    ///   - participantIDHeader: `participant_id_header`.
    /// - Throws: ``DialInConfigurationError`` when `directRoomRegex` does not compile.
    public init(
        directRoomRegex: String? = nil,
        directRoomStrip: Int = 0,
        roomPINSplit: RoomPINSplit? = nil,
        participantIDParameter: String? = nil,
        participantIDHeader: String = RoomSelectionSettings.defaultParticipantIDHeader
    ) throws {
        if let directRoomRegex, !directRoomRegex.isEmpty {
            directRoomPattern = try DirectRoomPattern(directRoomRegex)
        } else {
            directRoomPattern = nil
        }
        self.directRoomStrip = max(0, directRoomStrip)
        self.roomPINSplit = roomPINSplit
        self.participantIDParameter = participantIDParameter?.isEmpty == true ? nil : participantIDParameter
        self.participantIDHeader = participantIDHeader
    }

    /// Reads the settings from `webconference.conf` as `WebConferenceFactory::load` does:
    /// `direct_room_strip` is read only when `direct_room_re` is set, and a value that is not a
    /// whole number there or in `room_pin_split` is an error.
    /// - Throws: ``DialInConfigurationError``.
    public init(configuration: SEMSConfigFile) throws {
        let regex = configuration["direct_room_re"] ?? ""
        var strip = 0
        if !regex.isEmpty, let text = configuration["direct_room_strip"], !text.isEmpty {
            strip = try Self.wholeNumber(text, key: "direct_room_strip")
        }
        var split: RoomPINSplit?
        if let text = configuration["room_pin_split"], !text.isEmpty {
            split = RoomPINSplit(roomLength: try Self.wholeNumber(text, key: "room_pin_split"))
        }
        try self.init(
            directRoomRegex: regex,
            directRoomStrip: strip,
            roomPINSplit: split,
            participantIDParameter: configuration["participant_id_param"],
            participantIDHeader: configuration["participant_id_header"] ?? Self.defaultParticipantIDHeader
        )
    }

    /// Decides what to do with an incoming INVITE. The first matching rule wins (spec §6):
    /// 1. `P-App-Param` has `enter_room=true`: ask for the room;
    /// 2. `P-App-Param` has `room=<name>`: join `<name>`;
    /// 3. `direct_room_re` matches the request-URI user: join the user minus its first
    ///    `direct_room_strip` characters (stripped only when the user is longer than that);
    /// 4. otherwise ask for the room.
    ///
    /// An empty room name (`room=`) also asks for the room, as SEMS's `onSessionStart` does for an
    /// empty conference id.
    /// For direct access, `room_pin_split` is then applied to the room (spec §7.2).
    /// - Parameters:
    ///   - requestUser: the user part of the request URI.
    ///   - appParameters: the `P-App-Param` header value, if any.
    ///   - participantIDHeaderValue: the value of the ``participantIDHeader`` header, if any.
    public func select(requestUser: String, appParameters: String?, participantIDHeaderValue: String?) -> RoomSelection {
        let parameters = AppParameters(header: appParameters)
        let participantID: String
        if let participantIDParameter {
            participantID = parameters[participantIDParameter] ?? ""
        } else {
            participantID = participantIDHeaderValue ?? ""
        }

        let room: String
        if parameters["enter_room"] == "true" {
            return .askForRoom(participantID: participantID)
        } else if let named = parameters["room"] {
            room = named
        } else if let directRoomPattern, directRoomPattern.matches(requestUser) {
            room = requestUser.count > directRoomStrip ? String(requestUser.dropFirst(directRoomStrip)) : requestUser
        } else {
            return .askForRoom(participantID: participantID)
        }

        guard !room.isEmpty else { return .askForRoom(participantID: participantID) }
        guard let roomPINSplit else { return .direct(room: room, participantID: participantID) }
        guard let parts = roomPINSplit.split(room) else { return .tooShortForSplit(participantID: participantID) }
        return .direct(room: parts.room, participantID: parts.participantID)
    }

    static func wholeNumber(_ text: String, key: String) throws -> Int {
        guard let value = Int(text), value >= 0 else {
            throw DialInConfigurationError(.invalidNumber, key: key, value: text, detail: "expected a whole number ≥ 0")
        }
        return value
    }
}
