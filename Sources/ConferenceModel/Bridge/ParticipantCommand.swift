/// What the control API asks of one participant's call (SEMS `WebConferenceEvent`, spec §4.6).
public enum ParticipantCommand: Sendable, Hashable, CaseIterable {
    /// Hang up the call (BYE, or CANCEL while a dial-out is early).
    case kick
    /// Stop putting the participant's audio into the mix; they still hear the room (spec §10.3).
    case mute
    /// Put the participant's audio back into the mix.
    case unmute
}
