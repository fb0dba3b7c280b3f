/// Who hears an ``AudioFrameSource`` attached to a ``MixMinusMixer``.
public enum MixerSourceTarget: Hashable, Sendable {
    /// Every member (a join beep, a room announcement); the recording hears it too.
    case room
    /// One member alone (an IVR prompt, music on hold); mixed on top of what they hear.
    case member(MixerMemberID)
}
