/// One SEMS `webconference.conf` key and its name in Parley's own configuration file (spec §5).
///
/// Parley keeps every setting internally under its SEMS name, so the settings types of
/// ConferenceModel (which read SEMS names) serve both file formats; this table is the one place
/// that knows the Parley names, and Docs/Bridge.md prints it.
struct WebConferenceKey: Sendable, Hashable {
    /// How a value is written in Parley's file and turned into SEMS's text.
    enum Kind: Sendable, Hashable {
        /// Free text or a path.
        case text
        /// A whole number.
        case number
        /// `true`/`false` (or `yes`/`no`) in Parley's file, `yes`/`no` for SEMS.
        case flag
    }

    /// The key in `webconference.conf`.
    let sems: String
    /// The dotted key in Parley's YAML or JSON file (`prompts.first-participant` is
    /// `prompts: {first-participant: …}`).
    let parley: String
    /// The value's kind.
    let kind: Kind

    /// Every `webconference.conf` key SEMS reads or ships in its sample file, in the order of spec
    /// §5, and Parley's additions: the PIN dialogue's limits, `room_full`, `max_participants` (the
    /// name SEMS's `conference` application uses) and `dead_rtp_time` (SEMS's `sems.conf` name for
    /// the RTP timeout).
    static let all: [WebConferenceKey] = [
        WebConferenceKey(sems: "first_participant", parley: "prompts.first-participant", kind: .text),
        WebConferenceKey(sems: "join_sound", parley: "prompts.join-sound", kind: .text),
        WebConferenceKey(sems: "drop_sound", parley: "prompts.drop-sound", kind: .text),
        WebConferenceKey(sems: "enter_pin", parley: "prompts.enter-pin", kind: .text),
        WebConferenceKey(sems: "wrong_pin", parley: "prompts.wrong-pin", kind: .text),
        WebConferenceKey(sems: "wrong_pin_bye", parley: "prompts.wrong-pin-bye", kind: .text),
        WebConferenceKey(sems: "entering_conference", parley: "prompts.entering-conference", kind: .text),
        WebConferenceKey(sems: "room_full", parley: "prompts.room-full", kind: .text),
        WebConferenceKey(sems: "digits_dir", parley: "prompts.digits-directory", kind: .text),
        WebConferenceKey(sems: "tell_pin", parley: "dial-in.tell-pin", kind: .flag),
        WebConferenceKey(sems: "star_finishes_pin", parley: "dial-in.star-finishes-pin", kind: .flag),
        WebConferenceKey(sems: "playout_type", parley: "media.playout-type", kind: .text),
        WebConferenceKey(sems: "dead_rtp_time", parley: "media.rtp-timeout", kind: .number),
        WebConferenceKey(sems: "direct_room_re", parley: "dial-in.direct-room-pattern", kind: .text),
        WebConferenceKey(sems: "direct_room_strip", parley: "dial-in.direct-room-strip", kind: .number),
        WebConferenceKey(sems: "room_pin_split", parley: "dial-in.room-pin-split", kind: .number),
        WebConferenceKey(sems: "pin_inter_digit_timeout", parley: "dial-in.inter-digit-timeout", kind: .number),
        WebConferenceKey(sems: "pin_max_wrong_entries", parley: "dial-in.max-wrong-entries", kind: .number),
        WebConferenceKey(sems: "lonely_user_timer", parley: "rooms.lonely-user-timer", kind: .number),
        WebConferenceKey(sems: "max_participants", parley: "rooms.max-participants", kind: .number),
        WebConferenceKey(sems: "loop_first_participant_prompt", parley: "prompts.loop-first-participant", kind: .flag),
        WebConferenceKey(sems: "master_password", parley: "rooms.master-password", kind: .text),
        WebConferenceKey(sems: "ignore_pin", parley: "rooms.ignore-pin", kind: .flag),
        WebConferenceKey(sems: "feedback_file", parley: "feedback.file", kind: .text),
        WebConferenceKey(sems: "stats_dir", parley: "statistics.directory", kind: .text),
        WebConferenceKey(sems: "webconference_urlbase", parley: "rooms.url-base", kind: .text),
        WebConferenceKey(sems: "private_rooms", parley: "rooms.private", kind: .flag),
        WebConferenceKey(sems: "support_rooms_timeout", parley: "rooms.support-timeout", kind: .flag),
        WebConferenceKey(sems: "participants_expire", parley: "rooms.participants-expire", kind: .flag),
        WebConferenceKey(sems: "participants_expire_delay", parley: "rooms.participants-expire-delay", kind: .number),
        WebConferenceKey(sems: "rooms_expire", parley: "rooms.expire", kind: .flag),
        WebConferenceKey(sems: "rooms_expire_delay", parley: "rooms.expire-delay", kind: .number),
        WebConferenceKey(sems: "room_sweep_interval", parley: "rooms.sweep-interval", kind: .number),
        WebConferenceKey(sems: "predefined_rooms", parley: "rooms.predefined", kind: .text),
        WebConferenceKey(sems: "participant_id_param", parley: "dial-in.participant-id-param", kind: .text),
        WebConferenceKey(sems: "participant_id_header", parley: "dial-in.participant-id-header", kind: .text),
        WebConferenceKey(sems: "enable_session_timer", parley: "session-timer.enabled", kind: .flag),
        WebConferenceKey(sems: "session_expires", parley: "session-timer.session-expires", kind: .number),
        WebConferenceKey(sems: "minimum_timer", parley: "session-timer.minimum-timer", kind: .number),
        WebConferenceKey(sems: "maximum_timer", parley: "session-timer.maximum-timer", kind: .number),
        WebConferenceKey(sems: "session_refresh_method", parley: "session-timer.refresh-method", kind: .text),
        WebConferenceKey(sems: "accept_501_reply", parley: "session-timer.accept-501-reply", kind: .flag),
    ]

    /// The entry for a SEMS key.
    static func named(sems key: String) -> WebConferenceKey? {
        all.first { $0.sems == key }
    }
}
