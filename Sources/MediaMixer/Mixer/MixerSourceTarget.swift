/// Who hears an ``AudioFrameSource`` attached to a ``MixMinusMixer``.
public enum MixerSourceTarget: Hashable, Sendable {
    /// Every member (a room announcement); the recording hears it too.
    case room
    /// Every member but one (the join beep, which the joiner does not hear); the recording hears it.
    case roomExcept(MixerMemberID)
    /// One member alone (an IVR prompt, music on hold); mixed on top of what they hear.
    case member(MixerMemberID)
}
