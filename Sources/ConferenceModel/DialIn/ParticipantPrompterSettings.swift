/// The `webconference.conf` settings of what a participant hears about the room (spec §5, §7.4).
public struct ParticipantPrompterSettings: Sendable, Hashable {
    /// `loop_first_participant_prompt=yes`: repeat `first_participant` until someone joins.
    public var loopFirstParticipantPrompt: Bool
    /// `lonely_user_timer`: how long a participant may stay alone before being kicked; `nil` (the
    /// SEMS default `0`) never kicks.
    public var lonelyUserTimeout: Duration?

    /// Creates the settings.
    public init(loopFirstParticipantPrompt: Bool = false, lonelyUserTimeout: Duration? = nil) {
        self.loopFirstParticipantPrompt = loopFirstParticipantPrompt
        self.lonelyUserTimeout = lonelyUserTimeout.flatMap { $0 > .zero ? $0 : nil }
    }

    /// Reads `loop_first_participant_prompt` (exactly `yes` turns it on) and `lonely_user_timer`
    /// (seconds; unreadable counts as `0`, as SEMS's `getParameterInt` does).
    public init(configuration: SEMSConfigFile) {
        let lonelySeconds = configuration["lonely_user_timer"].flatMap { Int($0) } ?? 0
        self.init(
            loopFirstParticipantPrompt: configuration["loop_first_participant_prompt"] == "yes",
            lonelyUserTimeout: .seconds(lonelySeconds)
        )
    }
}
